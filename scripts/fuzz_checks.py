"""A check for scripts/fuzz (issue "Hardening"): a request the OpenAPI document calls valid may be refused for a rule of
the registry or the law (409, 412, or 422 with code rule-violated or ineligible), never as malformed input (422 with
code validation-failed): every limit the server checks on a field's own form is written in the document."""
import schemathesis


@schemathesis.check
def schema_valid_is_well_formed(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    if isinstance(body, dict) and body.get("code") == "validation-failed":
        raise AssertionError(
            "A request valid by the document was refused as malformed (422 validation-failed): "
            + str(body.get("detail"))
            + " — write the limit into openapi.yaml, or refuse it as a rule (rule-violated) if it is one."
        )
    return None
