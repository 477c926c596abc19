"""Activities around the poll cursor and the listing of threads with new mail."""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df

from core.contracts import ListRequest, SaveCursorRequest
from orchestrators import names
from pipeline import cursor, listing

bp = df.Blueprint()


@bp.activity_trigger(input_name="payload", activity=names.LOAD_CHECKPOINT)
def load_checkpoint(payload: Any) -> dict:
    return cursor.load().to_json()


@bp.activity_trigger(input_name="payload", activity=names.LIST_NEW_MESSAGES)
def list_new_messages(payload: dict) -> dict:
    return listing.list_new_threads(ListRequest.model_validate(payload)).to_json()


@bp.activity_trigger(input_name="payload", activity=names.SAVE_CHECKPOINT)
def save_checkpoint(payload: dict) -> dict:
    return cursor.save(SaveCursorRequest.model_validate(payload)).to_json()
