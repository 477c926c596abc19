"""`triage models`: do the configured chat and embeddings deployments work? One cheap probe
each (what /api/status shows in Azure), with the reason when not."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "models",
        help="check the chat and embeddings deployments (one small call each)",
        description=(
            "Probe the configured chat model (a strict structured-output call of about 30 "
            "tokens, the request shape the drafter uses) and embeddings model (one short "
            "text), from LLM_*/EMBEDDING_*/AZURE_OPENAI_* in the environment, and print ok, "
            "off, or failing with the reason: a wrong key, a missing role, a deployment "
            "that does not exist, an api-version the endpoint does not serve, a schema the "
            "service refuses. Exit 0 when nothing fails, 1 otherwise."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print the status as JSON")
    parser.set_defaults(func=run_models)


def run_models(args: argparse.Namespace) -> int:
    from localdev.commands.ingest import load_rag_settings
    from pipeline.model_status import models_status

    status = models_status(load_rag_settings(), force=True)
    if args.json:
        print(json.dumps(status, indent=2))
    else:
        for role, entry in status.items():
            line = f"{role}: {entry['state']}"
            if entry.get("deployment"):
                line += f" (deployment {entry['deployment']!r}, model {entry['model']!r})"
            elif entry.get("provider"):
                line += f" ({entry['provider']}, {entry.get('model', '')})"
            print(line)
            for key in ("reason", "warning"):
                if entry.get(key):
                    print(f"  {key}: {entry[key]}")
    return 1 if any(entry["state"] == "failing" for entry in status.values()) else 0
