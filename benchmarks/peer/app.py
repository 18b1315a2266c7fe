"""The peer thidua is measured against (issue "Performance"): what a district would otherwise write in an afternoon — a
FastAPI + asyncpg service doing the same work for the same two reads: the bearer check against `api_tokens` (SHA-256 of
the token, live token, enabled account), then one commendation by id or a page of a year's commendations, answered as
the same JSON. asyncpg prepares and caches its statements itself. Run by scripts/bench-read; never part of thidua."""

import hashlib
import os

import asyncpg
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

TOKEN = """
SELECT a.id, a.display_name, a.roles, a.person_id, a.disabled_at IS NOT NULL
FROM api_tokens t JOIN accounts a ON a.id = t.account_id
WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND a.disabled_at IS NULL
"""

SELECT = """
SELECT c.id, c.nomination_id, c.award_code, c.movement_id, c.nominee_person_id, c.nominee_unit_id,
       d.number, d.decision_date, d.signer_name, r.reason, r.decision_number, c.created_at,
       d.issuer, c.coefficient::text, c.collective_factor, c.base_salary, c.reward_amount
FROM commendations c
JOIN decisions d ON d.id = c.decision_id
LEFT JOIN commendation_revocations r ON r.commendation_id = c.id
"""

BY_ID = SELECT + " WHERE c.id = $1"
# The same keyset page thidua reads for ?year=&limit= (first page).
BY_YEAR = (
    SELECT
    + " WHERE d.decision_date >= make_date($1, 1, 1) AND d.decision_date <= make_date($1, 12, 31)"
    + " ORDER BY c.created_at, c.id LIMIT $2"
)

app = FastAPI()
pool: asyncpg.Pool | None = None


@app.on_event("startup")
async def start() -> None:
    global pool
    pool = await asyncpg.create_pool(os.environ["PEER_DSN"], min_size=4, max_size=int(os.environ.get("PEER_POOL", "10")))


async def signed_in(request: Request, connection: asyncpg.Connection) -> asyncpg.Record:
    header = request.headers.get("authorization", "")
    if not header.startswith("Bearer "):
        raise HTTPException(401)
    account = await connection.fetchrow(TOKEN, hashlib.sha256(header[7:].encode()).hexdigest())
    if account is None:
        raise HTTPException(401)
    return account


def as_json(row: asyncpg.Record) -> dict:
    person, unit = row["nominee_person_id"], row["nominee_unit_id"]
    money = row["coefficient"] is not None
    return {
        "id": str(row["id"]),
        "nominationId": str(row["nomination_id"]),
        "award": row["award_code"],
        "movementId": str(row["movement_id"]),
        "nominee": {"personId": str(person)} if person else {"unitId": str(unit)},
        "decisionNumber": row["number"],
        "decisionDate": row["decision_date"].isoformat(),
        "signer": row["signer_name"],
        "revoked": row["reason"] is not None,
        "revocation": {"reason": row["reason"], "decisionNumber": row["decision_number"]} if row["reason"] else None,
        "issuer": row["issuer"],
        "coefficient": row["coefficient"] if money else None,
        "collectiveFactor": row["collective_factor"],
        "baseSalary": row["base_salary"],
        "rewardAmount": row["reward_amount"],
        "version": 2 if row["reason"] else 1,
    }


@app.get("/v1/commendations/{id}")
async def one(id: str, request: Request) -> JSONResponse:
    async with pool.acquire() as connection:
        await signed_in(request, connection)
        row = await connection.fetchrow(BY_ID, id)
    if row is None:
        raise HTTPException(404)
    return JSONResponse(as_json(row))


@app.get("/v1/commendations")
async def page(request: Request, year: int, limit: int = 50) -> JSONResponse:
    async with pool.acquire() as connection:
        await signed_in(request, connection)
        rows = await connection.fetch(BY_YEAR, year, limit + 1)
    return JSONResponse({"items": [as_json(row) for row in rows[:limit]], "nextCursor": None})
