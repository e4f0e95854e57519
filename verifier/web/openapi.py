"""The OpenAPI 3.1 document for /api/v1; tests validate real responses against its schemas."""
from __future__ import annotations

from copy import deepcopy

from verifier.offers.rules import FLAG_CODES
from verifier.verdict import VERDICTS as VERDICT_KINDS
from verifier.names.identity import REASONS

VERDICTS = list(VERDICT_KINDS)
STR = {"type": "string"}
OPT_STR = {"type": ["string", "null"]}
STR_LIST = {"type": "array", "items": STR}

NOTICE_EVENT = {  # one official notice about an agency (verifier.timeline.shown)
    "type": "object", "required": ["date", "date_label", "status", "status_label", "authority", "url", "quote"],
    "properties": {"date": OPT_STR, "after": OPT_STR, "date_label": STR, "status": STR, "status_group": OPT_STR,
                   "status_label": STR, "authority": STR, "url": STR, "quote": STR, "lang": STR,
                   "note": STR, "decides": {"type": "boolean"}},
}
EVENTS = {"type": "array", "items": NOTICE_EVENT}
IDENTITY_REASONS = sorted(REASONS)
MATCH = {
    "type": "object",
    "required": ["agency_id", "name", "source", "source_name", "list_kind", "country", "status",
                 "status_group", "status_date", "score", "matched_on", "matched_value", "phones",
                 "source_url", "data_as_of", "identifies", "identity_reason"],
    "properties": {
        "agency_id": STR, "name": STR, "source": STR, "source_name": STR,
        "list_kind": {"enum": ["registry", "warning"]},
        "country": OPT_STR, "status": OPT_STR,
        "status_group": {"enum": ["valid", "invalid", "warning", "unknown", "permit"]},
        "status_date": OPT_STR,
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "matched_on": {"type": "array", "items": {"enum": ["name", "phone", "licence"]}},
        "matched_value": OPT_STR,
        "phones": STR_LIST, "source_url": OPT_STR, "data_as_of": OPT_STR, "events": EVENTS,
        "identifies": {"type": "boolean", "description": "the name given names this listed firm whole "
                       "(only then can the name give a strong verdict); false: a different firm with a similar name"},
        "identity_reason": {"enum": IDENTITY_REASONS, "description": "why the name does or does not identify it"},
    },
}
CHECK_RESULT = {
    "type": "object",
    "required": ["query", "verdict", "risk", "summary", "reasons", "matches", "data_as_of"],
    "properties": {
        "query": {"type": ["string", "object", "null"]},
        "verdict": {"enum": VERDICTS},
        "risk": {"enum": ["high", "medium", "low"]},
        "summary": STR, "reasons": STR_LIST,
        "matches": {"type": "array", "items": {"$ref": "#/components/schemas/Match"}},
        "data_as_of": OPT_STR,
        "checked_at": {"type": "string", "format": "date-time"},
        "snapshot": OPT_STR,
        # One clear answer (verifier/advice.py): shown first, in the reader's language.
        "why": STR, "details": STR_LIST, "firm_country": OPT_STR,
        "advice": {"type": "array", "items": {"type": "object", "required": ["code", "text"],
                                              "properties": {"code": STR, "text": STR}}},
        "relevant_sources": STR_LIST, "notices_relevant": STR_LIST, "checked_at_text": STR,
        "hotlines": {"type": "array", "items": {"$ref": "#/components/schemas/HelpLine"}},
    },
}
HELP_LINE = {
    "type": "object",
    "required": ["country", "why", "name", "numbers", "source_url", "source_date", "confirmed"],
    "properties": {
        "country": STR, "role": {"enum": ["origin", "destination", "both"]}, "why": {"enum": ["record", "reader"]},
        "kind": STR, "name": STR, "organisation": STR, "hours": STR, "what_for": STR,
        "numbers": {"type": "array", "items": {"type": "object", "required": ["text", "dial", "short_code"],
                    "properties": {"text": STR, "dial": STR, "short_code": {"type": "boolean"}}}},
        "source_url": STR, "source_date": OPT_STR, "confirmed": {"type": "boolean"}, "confirmed_note": STR,
    },
}
STATUS_EVENT = {
    "type": "object", "required": ["status", "status_group"],
    "properties": {"status": OPT_STR, "status_group": STR, "status_date": OPT_STR,
                   "seen_at": OPT_STR},
}
PHONE = {"oneOf": [STR, {"type": "object", "required": ["e164"], "properties": {
    "e164": OPT_STR, "raw": OPT_STR, "country": OPT_STR}}]}
AGENCY = {
    "type": "object",
    "required": ["agency_id", "name", "source", "source_name", "list_kind", "country", "status",
                 "status_group", "status_date", "phones", "source_url", "data_as_of",
                 "address", "city", "representative", "aliases", "licence_number",
                 "status_history", "first_seen", "last_seen", "removed_at"],
    "properties": {
        **{k: MATCH["properties"][k] for k in (
            "agency_id", "name", "source", "source_name", "list_kind", "country", "status",
            "status_group", "status_date", "source_url", "data_as_of")},
        "phones": {"type": "array", "items": PHONE},
        "address": OPT_STR, "city": OPT_STR, "representative": OPT_STR,
        "aliases": STR_LIST, "licence_number": OPT_STR,
        "status_history": {"type": "array", "items": {"$ref": "#/components/schemas/StatusEvent"}},
        "first_seen": OPT_STR, "last_seen": OPT_STR, "removed_at": OPT_STR, "events": EVENTS,
        "snapshot": OPT_STR,
    },
}
SOURCE = {
    "type": "object",
    "required": ["id", "name", "publisher", "country", "kind", "url", "records", "last_success",
                 "last_attempt", "health", "data_as_of", "note"],
    "properties": {
        "id": STR, "name": STR, "publisher": OPT_STR, "country": OPT_STR, "kind": STR,
        "url": OPT_STR, "records": {"type": "integer", "minimum": 0},
        "last_success": OPT_STR, "last_attempt": OPT_STR,
        "health": {"enum": ["ok", "stale", "failed", "never"]},
        "data_as_of": OPT_STR, "note": OPT_STR,
    },
}
ERROR = {
    "type": "object", "required": ["ok", "error", "status"],
    "properties": {"ok": {"const": False}, "error": STR, "status": {"type": "integer"}},
}


def _param(name: str, description: str, where: str = "query", required: bool = False) -> dict:
    """Give one parameter object."""
    return {"name": name, "in": where, "required": required, "description": description,
            "schema": {"type": "string", "minLength": 1}}


def _responses(schema: str, *errors: int) -> dict:
    """Give a responses object: 200 with the schema, the listed errors with the error shape."""
    ref = {"$ref": f"#/components/schemas/{schema}"}
    out = {"200": {"description": "OK", "content": {"application/json": {"schema": ref}}}}
    for code in (*errors, 429, 500):
        out[str(code)] = {"$ref": "#/components/responses/Error"}
    return out


LANG = _param("lang", "Language of summary and reasons: en, ru, kk or uz.")
PATHS = {
    "/check": {"get": {
        "summary": "Check an agency by name, phone or licence number",
        "description": "Give at least one of q, name, phone, licence; a request with none is answered "
                       "400 (OpenAPI cannot require one of several query parameters).",
        "parameters": [_param("q", "Free text: a name, phone or licence number (type detected)."),
                       _param("name", "Agency name."), _param("phone", "Phone number."),
                       _param("licence", "Licence number."), LANG],
        "responses": _responses("CheckResult", 400, 503)}},
    "/agencies/{agency_id}": {"get": {
        "summary": "One agency record with its status history",
        "parameters": [_param("agency_id", "Agency id from a match.", "path", True), LANG],
        "responses": _responses("Agency", 404)}},
    "/sources": {"get": {"summary": "Sources with record counts and freshness",
                         "responses": _responses("SourceList")}},
    "/health": {"get": {"summary": "Liveness probe", "responses": _responses("Health")}},
}
DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "Recruitment agency check API", "version": "1.0.0",
             "description": "An independent check of recruitment agencies against public "
                            "licence registries and warning lists. Not an official registry. "
                            "Partners may send an X-API-Key header for higher rate limits."},
    "paths": PATHS,
    "components": {
        "schemas": {"CheckResult": CHECK_RESULT, "Match": MATCH, "HelpLine": HELP_LINE, "Agency": AGENCY,
                    "StatusEvent": STATUS_EVENT, "Source": SOURCE, "Error": ERROR,
                    "SourceList": {"type": "object", "required": ["sources"], "properties": {
                        "sources": {"type": "array",
                                    "items": {"$ref": "#/components/schemas/Source"}}}},
                    "Health": {"type": "object", "required": ["ok"],
                               "properties": {"ok": {"const": True}, "snapshot": OPT_STR}}},
        "responses": {"Error": {"description": "Error", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Error"}}}}},
        "securitySchemes": {"partnerKey": {"type": "apiKey", "in": "header",
                                           "name": "X-API-Key"}},
    },
}


# Issue 12: the offer scan (POST /scan); `result` of an entity is the check result or null.
# A flag's strength: flags add up, 3 or more make the offer high risk. risk_source says where the
# risk comes from: flags, listed (a firm or number on a warning list), licensed, unconfirmed, nothing.
_FLAG_CODES = list(FLAG_CODES)
SCAN_RESULT = {
    "type": "object",
    "required": ["risk", "summary", "flags", "entities", "destination", "disclaimer", "data_as_of"],
    "properties": {
        "risk": {"enum": ["high", "medium", "low"]}, "summary": STR, "disclaimer": STR, "data_as_of": OPT_STR,
        "risk_source": {"enum": ["flags", "listed", "licensed", "unconfirmed", "nothing"]},
        "flags": {"type": "array", "items": {"type": "object", "required": ["code", "label", "quote", "start", "end", "advice"],
                  "properties": {"code": {"enum": _FLAG_CODES}, "label": STR, "quote": STR, "advice": STR,
                                 "start": {"type": "integer"}, "end": {"type": "integer"},
                                 "strength": {"type": "integer", "minimum": 1}}}},
        "entities": {"type": "array", "items": {"type": "object", "required": ["kind", "text", "start", "end", "value", "result"],
                     "properties": {"kind": {"enum": ["agency", "phone", "licence", "link", "handle", "email", "card"]},
                                    "text": STR, "value": STR, "start": {"type": "integer"}, "end": {"type": "integer"},
                                    "result": {"oneOf": [{"$ref": "#/components/schemas/CheckResult"}, {"type": "null"}]}}}},
        "destination": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["country", "name", "rules"], "properties": {
            "country": STR, "name": STR, "rules": {"type": "array", "items": {"type": "object", "required": ["text", "source_url", "as_of"],
                                                                           "properties": {"text": STR, "source_url": STR, "as_of": OPT_STR}}}}}]},
        # Who issues recruitment permits in a country the offer names (KG, UZ, TJ) or of a firm an
        # official notice names, and how to confirm one.
        "permits": {"type": "array", "items": {"type": "object", "required": ["country", "authority", "confirm"],
                                               "properties": {"country": STR, "authority": STR, "confirm": STR,
                                                              "phone": STR, "phone_source": STR,
                                                              "phone_date": OPT_STR, "source_url": STR}}},
    },
}
PATHS["/scan"] = {"post": {
    "summary": "Scan a job offer: red flags, every agency, phone and licence checked, destination",
    "description": "The text is read once and never stored or logged. At most 20,000 characters "
                   "(413 above); empty text is 400. A scan past its time limit answers 503 (try a "
                   "shorter text), never half a result; one address may run only a few scans at "
                   "once and fewer per minute than checks (429).",
    "requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": ["text"],
        "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 20000},
                       "lang": {"enum": ["en", "ru", "kk", "uz"]}}}}}},
    "responses": _responses("ScanResult", 400, 413, 503)}}
DOCUMENT["components"]["schemas"]["ScanResult"] = SCAN_RESULT

# Issue 28: a report as JSON, as the /report form takes it (same checks, same limit per address).
_REPORT_FIELDS = {"kind": {"enum": ["report", "correction"]}, "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "details": {"type": "string", "minLength": 1, "maxLength": 4000},
                  "phone": {"type": "string", "maxLength": 200}, "licence_number": {"type": "string", "maxLength": 60},
                  "country": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
                  "agency_id": {"type": "string", "pattern": "^[0-9a-f]{1,64}$"}, "contact": {"type": "string", "maxLength": 200}}
PATHS["/reports"] = {"post": {
    "summary": "Report a suspicious agency (or ask for a correction) for the NGO's staff to review",
    "description": "Stored as pending for staff; nothing is published until staff approve it. No client "
                   "address is kept. Limited per client address (429), 503 with Retry-After when the "
                   "database cannot take it just now.",
    "requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": ["name", "details"], "properties": _REPORT_FIELDS}}}},
    "responses": {"201": {"description": "Stored", "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/ReportStored"}}}},
        **{code: r for code, r in _responses("ReportStored", 400, 503).items() if code != "200"}}}}
DOCUMENT["components"]["schemas"]["ReportStored"] = {
    "type": "object", "required": ["ok", "id", "status"],
    "properties": {"ok": {"const": True}, "id": {"type": "integer"}, "status": {"const": "pending"}}}


def openapi_document(server_url: str) -> dict:
    """Give the OpenAPI document with this server's API base URL."""
    document = deepcopy(DOCUMENT)
    document["servers"] = [{"url": f"{server_url}/api/v1"}]
    return document
