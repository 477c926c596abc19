"""`python -m localdev.openai_stub --port N`: serve the stub with uvicorn."""

from __future__ import annotations

import argparse

import uvicorn

from localdev.openai_stub.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description="OpenAI-compatible stub server")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
