"""CSRF for the whole app: a blueprint added later is protected without doing anything."""
from __future__ import annotations

from flask import Blueprint


def test_a_new_blueprints_post_needs_a_token(web_db, tmp_path):
    from verifier.web import create_app
    app = create_app({"TESTING": True, "VERIFIER_DB": web_db, "VERIFIER_APP_DB": str(tmp_path / "app.db"),
                      "SECRET_KEY": "test", "WARM_INDEX": False})
    extra = Blueprint("extra", __name__)
    extra.add_url_rule("/extra", "post", lambda: "done", methods=["POST"])
    app.register_blueprint(extra)
    client = app.test_client()
    assert client.post("/extra", data={"x": "1"}).status_code == 400
    assert client.post("/api/v1/scan", json={"text": "Работа в Корее, оплата за визу 300$"}).status_code == 200
