/// Migration 28: versions for the administered texts that migration 12 left out — text templates (their table came
/// later) and a queue's mail texts (signature and automatic answers, saved together, so one version per queue,
/// kept on the queue apart from the queue's own version). Existing rows start at version 1.
enum TextVersionSchema {
    static let migration = Migration(id: 28, name: "text versions") { _ in
        [
            "ALTER TABLE text_templates ADD COLUMN version BIGINT NOT NULL DEFAULT 1",
            "ALTER TABLE queues ADD COLUMN mail_texts_version BIGINT NOT NULL DEFAULT 1",
        ]
    }
}
