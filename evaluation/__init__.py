"""Quality evaluations a team runs on its own knowledge base (`triage eval ...`).

drafts: labelled emails through the production triage and answer step, scored per set and
across sets; retrieval: recall on the Zaragoza FAQ; zaragoza_twins: its duplicated questions.
Beneath the CLI (localdev/commands/eval.py) and beside bench/, never imported by the app.
"""
