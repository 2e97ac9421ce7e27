"""Schemathesis hooks for the Apotheca API: the identifier formats the document names, and auth for one
role (FUZZ_ROLE), signing in as a real user would.

Demo staff sign in with their demo password (and their authenticator code where the role has a second
factor); a patient registers afresh. Tokens are fetched again every minute and whenever the previous
account is gone (a fuzzed erasure or a signing-key rotation is allowed to happen).
"""
import base64
import hashlib
import hmac
import os
import struct
import time
import uuid

import requests
import schemathesis
from hypothesis import strategies as st

BASE = os.environ["FUZZ_BASE_URL"]
ROLE = os.environ.get("FUZZ_ROLE", "anonymous")
DEMO_TOTP = "JBSWY3DPEHPK3PXP"
STAFF = {
    "pharmacist": ("pharmacist@demo.apotheca.test", "Demo-Pharmacist-2026!"),
    "admin": ("admin@demo.apotheca.test", "Demo-Admin-2026!"),
    "practitioner": ("practitioner@demo.apotheca.test", "Demo-Practitioner-2026!"),
    "driver": ("driver@demo.apotheca.test", "Demo-Driver-2026!"),
}


def luhn_check_digit(digits: str) -> str:
    """The digit that makes `digits` + it pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def dea_number(parts: tuple) -> str:
    kind, second, six = parts
    d = [int(c) for c in six]
    return f"{kind}{second}{six}{(d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10}"


# NPI and DEA numbers carry check digits no pattern can state (services/identity/src/domain/practitioner-ids.ts):
# the document names them as formats, and valid ones are generated here so positive data is valid.
schemathesis.openapi.format("npi", st.from_regex(r"\A[0-9]{9}\Z").map(lambda nine: nine + luhn_check_digit("80840" + nine)))
schemathesis.openapi.format(
    "dea-number",
    st.tuples(
        st.sampled_from("ABCDEFGHJKLMPRSTUX"), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ9"), st.from_regex(r"\A[0-9]{6}\Z")
    ).map(dea_number),
)


def totp(secret: str, at: float) -> str:
    key = base64.b32decode(secret)
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def sign_in(email: str, password: str) -> str:
    r = requests.post(f"{BASE}/auth/login", json={"email": email, "password": password}, timeout=10)
    r.raise_for_status()
    body = r.json()
    if body.get("access_token"):
        return body["access_token"]
    # Second factor: a code of the current 30-second step (the server refuses a code used twice).
    for _ in range(3):
        m = requests.post(
            f"{BASE}/auth/mfa/verify", json={"mfa_token": body["mfa_token"], "code": totp(DEMO_TOTP, time.time())}, timeout=10
        )
        if m.status_code == 200:
            return m.json()["access_token"]
        time.sleep(31)
    m.raise_for_status()
    raise RuntimeError("no access token")


def new_patient() -> str:
    email = f"fuzz-{uuid.uuid4().hex[:12]}@example.com"
    password = "Fuzz-Patient-Pass-2026!"
    r = requests.post(
        f"{BASE}/patients/register",
        json={
            "email": email,
            "password": password,
            "name": "Fuzz Patient",
            "date_of_birth": "1980-04-12",
            "phone": "+12125550123",
            "address": {"line1": "1 Main St", "city": "New York", "state": "NY", "postal_code": "10001", "country": "US"},
        },
        timeout=10,
    )
    r.raise_for_status()
    return sign_in(email, password)


if ROLE != "anonymous":

    @schemathesis.auth(refresh_interval=60)
    class RoleAuth:
        def get(self, case, ctx):
            return new_patient() if ROLE == "patient" else sign_in(*STAFF[ROLE])

        def set(self, case, data, ctx):
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {data}"
