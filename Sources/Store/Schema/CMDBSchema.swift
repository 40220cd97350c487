/// Migration 8: the CMDB — classes with versioned definitions, items with their attributes as one JSON value per
/// item (JSONB on PostgreSQL) and per version, attribute history, relations, saved lists and the full-text index.
///
/// Attribute queries use per-class expression indexes that `CIAttributeIndexes` creates and drops as class
/// definitions change (`cmdb_attribute_indexes` lists them); PostgreSQL also gets a GIN index for `@>` containment.
/// There is no table of attribute values: an item and its attributes are one row.
enum CMDBSchema {
    static let migration = Migration(id: 8, name: "cmdb") { dialect in
        common + (dialect == .sqlite ? sqlite : postgres)
    }

    private static let common = [
        """
        CREATE TABLE cmdb_classes (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, name_en TEXT,
            version BIGINT NOT NULL, definition TEXT NOT NULL, created_at BIGINT NOT NULL, changed_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE cmdb_class_versions (class_id BIGINT NOT NULL REFERENCES cmdb_classes(id), version BIGINT NOT NULL,
            definition TEXT NOT NULL, created_at BIGINT NOT NULL, created_by BIGINT, PRIMARY KEY (class_id, version))
        """,
        """
        CREATE TABLE cmdb_items (id {ID}, number TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
            class_id BIGINT NOT NULL REFERENCES cmdb_classes(id), class_version BIGINT NOT NULL,
            deployment_state TEXT NOT NULL, incident_state TEXT NOT NULL,
            owner_contact_id BIGINT REFERENCES contacts(id), owner_organisation_id BIGINT REFERENCES organisations(id),
            location_id BIGINT REFERENCES cmdb_items(id), attributes {JSON} NOT NULL, version BIGINT NOT NULL,
            created_at BIGINT NOT NULL, changed_at BIGINT NOT NULL, created_by BIGINT)
        """,
        "CREATE INDEX cmdb_items_class ON cmdb_items (class_id, id)",
        "CREATE INDEX cmdb_items_deployment ON cmdb_items (deployment_state, id)",
        "CREATE INDEX cmdb_items_incident ON cmdb_items (incident_state, id)",
        "CREATE INDEX cmdb_items_name ON cmdb_items (name, id)",
        "CREATE INDEX cmdb_items_changed ON cmdb_items (changed_at, id)",
        "CREATE INDEX cmdb_items_location ON cmdb_items (location_id)",
        "CREATE INDEX cmdb_items_owner_contact ON cmdb_items (owner_contact_id)",
        "CREATE INDEX cmdb_items_owner_organisation ON cmdb_items (owner_organisation_id)",
        """
        CREATE TABLE cmdb_item_versions (item_id BIGINT NOT NULL REFERENCES cmdb_items(id), version BIGINT NOT NULL,
            class_version BIGINT NOT NULL, name TEXT NOT NULL, deployment_state TEXT NOT NULL, incident_state TEXT NOT NULL,
            attributes TEXT NOT NULL, created_at BIGINT NOT NULL, created_by BIGINT, PRIMARY KEY (item_id, version))
        """,
        """
        CREATE TABLE cmdb_history (id {ID}, item_id BIGINT NOT NULL REFERENCES cmdb_items(id), actor_id BIGINT,
            field TEXT NOT NULL, old_value TEXT, new_value TEXT, created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX cmdb_history_item ON cmdb_history (item_id, id)",
        """
        CREATE TABLE cmdb_relations (id {ID}, type TEXT NOT NULL, source_id BIGINT NOT NULL REFERENCES cmdb_items(id),
            target_id BIGINT NOT NULL REFERENCES cmdb_items(id), created_at BIGINT NOT NULL, created_by BIGINT,
            UNIQUE (source_id, type, target_id))
        """,
        "CREATE INDEX cmdb_relations_target ON cmdb_relations (target_id, type)",
        """
        CREATE TABLE cmdb_saved_lists (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, query TEXT NOT NULL,
            created_by BIGINT, created_at BIGINT NOT NULL)
        """,
        "CREATE TABLE cmdb_attribute_indexes (name TEXT PRIMARY KEY, class_id BIGINT NOT NULL, statement TEXT NOT NULL)",
    ]

    private static let sqlite = [
        "CREATE VIRTUAL TABLE cmdb_fts USING fts5(head, tokenize = 'unicode61 remove_diacritics 0')",
    ]

    private static let postgres = [
        "CREATE INDEX cmdb_items_attributes ON cmdb_items USING GIN (attributes jsonb_path_ops)",
        "CREATE TABLE cmdb_search (item_id BIGINT PRIMARY KEY REFERENCES cmdb_items(id), document tsvector NOT NULL)",
        "CREATE INDEX cmdb_search_document ON cmdb_search USING GIN (document)",
    ]
}
