"""Password hashing (argon2id) and the password policy for staff accounts."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY

MIN_LENGTH = 10
MAX_LENGTH = 256
DENY_LIST_FILE = Path(__file__).with_name("common_passwords.txt")

# argon2id, 64 MiB, 3 iterations: above OWASP's floor of 19 MiB and 2 iterations.
_hasher = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)


class PasswordRejected(ValueError):
    """The password breaks the policy; the message says why."""


@cache
def _deny_list() -> frozenset[str]:
    lines = DENY_LIST_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines
                     if line.strip() and not line.startswith("#"))


def check_policy(password: str, *, email: str = "", name: str = "") -> None:
    """Raise ``PasswordRejected`` unless ``password`` is long and not a common choice.

    No composition rules and no forced expiry (NIST SP 800-63B): length and a deny-list
    of common and context-specific passwords do more good.
    """
    if len(password) < MIN_LENGTH:
        raise PasswordRejected(f"Use at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise PasswordRejected(f"Use at most {MAX_LENGTH} characters.")
    lowered = password.lower()
    context = {part for part in (email.split("@")[0].lower(), name.lower()) if len(part) >= 4}
    if lowered in _deny_list() or lowered.rstrip("0123456789!") in _deny_list():
        raise PasswordRejected("That password is too common; choose another.")
    if any(part in lowered for part in context) or len(set(lowered)) < 4:
        raise PasswordRejected("That password is too easy to guess; choose another.")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Return True when ``password`` matches; never raises for a wrong or broken hash."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
