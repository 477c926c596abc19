"""The knowledge base learns from the agents: suggested articles (the answers agents write
where we had none, grouped by gap, personal details removed) and stale-article alerts (the
same fact changed the same way in drafts citing one article). Knows nothing of Durable
Functions: pipeline/kb_learning.py calls it from the poll's thread loading."""
