"""`/docs`: the OpenAPI description as a plain page, rendered here (FastAPI's Swagger UI would load its
scripts from a CDN). The machine-readable description stays at `/openapi.json`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@dataclass(slots=True)
class Param:
    name: str
    where: str
    required: bool
    type: str
    description: str


@dataclass(slots=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    tag: str
    params: list[Param] = field(default_factory=list)
    body: str | None = None
    responses: list[tuple[str, str]] = field(default_factory=list)


def type_name(schema: dict[str, Any]) -> str:
    """A short readable type for a parameter schema."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(type_name(s) for s in schema["anyOf"] if s.get("type") != "null")
    if schema.get("type") == "array":
        return f"list of {type_name(schema.get('items', {}))}"
    name = schema.get("format") or schema.get("type") or "any"
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "maxLength", "pattern") if k in schema]
    return name + (f" ({', '.join(bounds)})" if bounds else "")


def operations(spec: dict[str, Any]) -> list[Operation]:
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [Param(p["name"], p["in"], p.get("required", False), type_name(p.get("schema", {})),
                            p.get("description") or p.get("schema", {}).get("description", ""))
                      for p in op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            ops.append(Operation(method.upper(), path, op.get("summary", ""), op.get("description", ""),
                                 (op.get("tags") or ["other"])[0], params, type_name(body) if body else None,
                                 [(code, r.get("description", "")) for code, r in op.get("responses", {}).items()]))
    return ops


@router.get("/docs")
def docs(request: Request) -> Response:
    spec = request.app.openapi()
    return request.app.state.templates.TemplateResponse(request, "docs.html", {
        "spec": spec, "operations": operations(spec), "writable": request.app.state.settings.writable,
        "schemas": sorted(spec.get("components", {}).get("schemas", {}).items())})
