/// Migration 20: text templates agents insert into replies and notes (German and/or English text, optionally one queue).
enum TextTemplateSchema {
    static let migration = Migration(id: 20, name: "text-templates") { _ in statements }

    private static let statements = [
        """
        CREATE TABLE text_templates (id {ID}, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, text_de TEXT, text_en TEXT,
            queue_id BIGINT REFERENCES queues(id), is_active BOOLEAN NOT NULL, created_at BIGINT NOT NULL, changed_at BIGINT NOT NULL)
        """,
    ]
}
