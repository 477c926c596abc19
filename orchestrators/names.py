"""Function names shared by orchestrators, activities and triggers (called by string name)."""

POLL_ORCHESTRATOR = "poll"
BATCH_ORCHESTRATOR = "triage_batch"
POLL_INSTANCE_ID = "poller"  # the singleton lock: one poll instance at a time

LOAD_CHECKPOINT = "load_checkpoint"
LIST_NEW_MESSAGES = "list_new_messages"
SAVE_CHECKPOINT = "save_checkpoint"
LOAD_THREAD = "load_thread"
DRAFT_AND_POST = "draft_and_post"  # retrieve, draft (stored) and post: one step
RECORD_RESULT = "record_result"
TAKE_WAKE_REQUEST = "take_wake_request"  # a webhook asked for one more poll cycle

INGEST_ORCHESTRATOR = "ingest_knowledge_base"
INGEST_INSTANCE_ID = "kb-ingest"  # one ingestion at a time
KB_PLAN = "plan_kb_ingest"  # where to write: the live collection, or a new build
KB_STEP = "ingest_kb_step"  # the next bounded batch of documents
KB_FINISH = "finish_kb_ingest"  # removals, then the alias switch
