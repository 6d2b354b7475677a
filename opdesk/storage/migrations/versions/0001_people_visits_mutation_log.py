"""people, visits and the mutation log

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from opdesk.storage.types import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desk_pending_mutation",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("actor_user_id", sa.String(length=36), nullable=True),
        sa.Column("device_time", UTCDateTime(), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("replay_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_desk_pending_mutation")),
        sa.UniqueConstraint("mutation_id", name=op.f("uq_desk_pending_mutation_mutation_id")),
    )
    op.create_table(
        "desk_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("server_cursor", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_state")),
    )
    op.create_table(
        "site",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("comune", sa.String(length=80), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site")),
    )
    op.create_table(
        "app_user",
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_app_user_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "desk_row_before",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["seq"],
            ["desk_pending_mutation.seq"],
            name=op.f("fk_desk_row_before_seq_desk_pending_mutation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("seq", "table_name", "row_id", name=op.f("pk_desk_row_before")),
    )
    op.create_table(
        "device",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_device_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
    )
    op.create_table(
        "person",
        sa.Column("given_name", sa.String(length=120), nullable=True),
        sa.Column("family_name", sa.String(length=120), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("birth_place", sa.String(length=120), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("codice_fiscale", sa.String(length=16), nullable=True),
        sa.Column("cf_missing_reason", sa.String(length=20), nullable=True),
        sa.Column("citizenship", sa.String(length=80), nullable=True),
        sa.Column("residence_comune", sa.String(length=120), nullable=True),
        sa.Column("residence_address", sa.String(length=200), nullable=True),
        sa.Column("homeless", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("domicile_comune", sa.String(length=120), nullable=True),
        sa.Column("domicile_address", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("phone_national", sa.String(length=20), nullable=True),
        sa.Column("registered_at", UTCDateTime(), nullable=False),
        sa.Column("registered_site_id", sa.String(length=36), nullable=True),
        sa.Column("merged_into_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["person.id"], name=op.f("fk_person_merged_into_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["registered_site_id"], ["site.id"], name=op.f("fk_person_registered_site_id_site")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_codice_fiscale"), ["codice_fiscale"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_phone_national"), ["phone_national"], unique=False
        )

    op.create_table(
        "consent",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.Column("given_at", UTCDateTime(), nullable=False),
        sa.Column("notice_version", sa.String(length=40), nullable=False),
        sa.Column("given_by_id", sa.String(length=36), nullable=True),
        sa.Column("recorded_by_id", sa.String(length=36), nullable=True),
        sa.Column("withdrawn_at", UTCDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["given_by_id"], ["person.id"], name=op.f("fk_consent_given_by_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_consent_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["app_user.id"], name=op.f("fk_consent_recorded_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "household_link",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["person.id"], name=op.f("fk_household_link_member_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_household_link_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_link")),
    )
    with op.batch_alter_table("household_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_link_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_household_link_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "visit",
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("visited_at", UTCDateTime(), nullable=False),
        sa.Column("topics", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by_id", sa.String(length=36), nullable=True),
        sa.Column("undone_at", UTCDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_visit_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["app_user.id"], name=op.f("fk_visit_recorded_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"], name=op.f("fk_visit_site_id_site")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(
            "ix_visit_person_site_time", ["person_id", "site_id", "visited_at"], unique=False
        )
        batch_op.create_index("ix_visit_site_time", ["site_id", "visited_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_site_time")
        batch_op.drop_index("ix_visit_person_site_time")

    op.drop_table("visit")
    with op.batch_alter_table("household_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_link_person_id"))
        batch_op.drop_index(batch_op.f("ix_household_link_member_id"))

    op.drop_table("household_link")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_person_id"))

    op.drop_table("consent")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_phone_national"))
        batch_op.drop_index(batch_op.f("ix_person_merged_into_id"))
        batch_op.drop_index(batch_op.f("ix_person_codice_fiscale"))

    op.drop_table("person")
    op.drop_table("device")
    op.drop_table("desk_row_before")
    op.drop_table("app_user")
    op.drop_table("site")
    op.drop_table("desk_state")
    op.drop_table("desk_pending_mutation")
