"""Staff authentication: password hashing and policy."""
