"""The factory, configuration, security headers and error pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from feedback_app import create_app
from feedback_app.config import ConfigError


def test_factory_finds_top_level_templates_and_static(app):
    root = Path(__file__).parents[1]
    assert Path(app.template_folder) == root / "templates"
    assert Path(app.static_folder) == root / "static"
    assert app.jinja_env.get_template("base.html") is not None


def test_factory_does_no_io(monkeypatch, tmp_path):
    """Building the app must not connect to the database or touch the disk."""
    missing = tmp_path / "no" / "such" / "dir" / "db.sqlite3"
    app = create_app({"ENV": "testing", "SECRET_KEY": "x" * 32,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{missing}"})
    assert app.config["TESTING"]
    assert not missing.parent.exists()


def test_secret_key_is_required_outside_development(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("FEEDBACK_ENV", "production")
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        create_app()
    monkeypatch.setenv("SECRET_KEY", "development-only-secret-key-not-for-real-data")
    with pytest.raises(ConfigError, match="public development key"):
        create_app()
    monkeypatch.setenv("FEEDBACK_ENV", "development")
    monkeypatch.delenv("SECRET_KEY")
    assert create_app().config["SECRET_KEY"]


def test_database_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("FEEDBACK_ENV", "development")
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert create_app().config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("DATABASE_URL")
    assert create_app().config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")


def test_cookies_are_secure_in_production(monkeypatch):
    monkeypatch.setenv("FEEDBACK_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "p" * 40)
    config = create_app().config
    assert config["SESSION_COOKIE_SECURE"] and config["SESSION_COOKIE_HTTPONLY"]
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_security_headers_on_every_page(client):
    response = client.get("/start")
    headers = response.headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in headers
    secure = client.get("/start", base_url="https://localhost")
    assert "max-age" in secure.headers["Strict-Transport-Security"]


def test_static_files_may_be_cached(client):
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.headers.get("Cache-Control") != "no-store"
    response.close()


def test_oversize_bodies_get_413(client, make_invitation):
    issued = make_invitation("parent")
    client.get(f"/r/{issued.token}")
    response = client.post("/respond/page/3", data={"q_comments_positive": "x" * 400_000})
    assert response.status_code == 413
    assert "too much to send" in response.get_data(as_text=True)


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)
