"""Alembic environment: migrations always run on a connection the application hands over."""

from __future__ import annotations

from alembic import context

from qa_desktop.persistence.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
