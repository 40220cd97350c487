import Domain

/// The configuration-item classes a new installation starts with, as a German city's IT would name them.
enum CMDBSeedClasses {
    static let sections = ["Allgemein", "Hardware", "Netzwerk", "Lebenszyklus"]

    static let all: [(name: String, nameEN: String, attributes: [CIAttribute])] = unmarked.map { ciClass in
        let keys = keyAttributes[ciClass.name] ?? []
        return (ciClass.name, ciClass.nameEN, ciClass.attributes.map { attribute in
            var marked = attribute
            marked.isKey = keys.contains(attribute.key)
            return marked
        })
    }

    /// What tickets and item lists show of an item of each class: the numbers on its label, then what tells
    /// an agent on the phone which device it is.
    static let keyAttributes: [String: Set<String>] = [
        "Standort": ["kind", "address", "room_number"],
        "Computer": ["inventory_number", "serial_number", "model", "hostname", "assigned_to"],
        "Notebook": ["inventory_number", "serial_number", "model", "hostname", "assigned_to"],
        "Monitor": ["inventory_number", "serial_number", "model", "size_inch"],
        "Drucker": ["inventory_number", "serial_number", "model", "ip_address"],
        "Telefon/Mobilgerät": ["kind", "inventory_number", "phone_number", "imei"],
        "Software/Lizenz": ["vendor", "product_version", "licence_type", "licence_end"],
        "Netzwerkgerät": ["kind", "inventory_number", "model", "ip_address", "hostname"],
        "Server": ["kind", "hostname", "ip_address", "operating_system"],
        "Datenbankinstanz": ["dbms", "product_version", "instance_name"],
    ]

    private static let unmarked: [(name: String, nameEN: String, attributes: [CIAttribute])] = [
        ("Standort", "Location", [
            select("kind", "Art", "Kind", ["Standort", "Gebäude", "Etage", "Raum"], section: "Allgemein", required: true),
            text("address", "Anschrift", "Address", section: "Allgemein"),
            text("room_number", "Raumnummer", "Room number", section: "Allgemein"),
        ]),
        ("Computer", "Computer", hardware + network + [
            text("operating_system", "Betriebssystem", "Operating system", section: "Allgemein"),
            CIAttribute(key: "ram_gb", label: "Arbeitsspeicher (GB)", labelEN: "Memory (GB)", type: .number, section: "Hardware"),
            CIAttribute(key: "assigned_to", label: "Nutzer", labelEN: "Assigned to", type: .contactReference, section: "Allgemein", customerVisible: true),
        ] + lifecycle),
        ("Notebook", "Notebook", hardware + network + [
            text("operating_system", "Betriebssystem", "Operating system", section: "Allgemein"),
            CIAttribute(key: "assigned_to", label: "Nutzer", labelEN: "Assigned to", type: .contactReference, section: "Allgemein", customerVisible: true),
            CIAttribute(key: "encrypted", label: "Verschlüsselt", labelEN: "Encrypted", type: .boolean, section: "Hardware"),
        ] + lifecycle),
        ("Monitor", "Monitor", hardware + [
            CIAttribute(key: "size_inch", label: "Diagonale (Zoll)", labelEN: "Size (inch)", type: .number, section: "Hardware"),
        ] + lifecycle),
        ("Drucker", "Printer", hardware + network + [
            CIAttribute(key: "colour", label: "Farbdruck", labelEN: "Colour", type: .boolean, section: "Hardware"),
            CIAttribute(key: "next_maintenance", label: "Nächste Wartung", labelEN: "Next maintenance", type: .date, section: "Lebenszyklus"),
            CIAttribute(key: "drum_interval_pages", label: "Trommelwechsel alle (Seiten)", labelEN: "Drum replacement every (pages)", type: .number, section: "Lebenszyklus"),
        ] + lifecycle),
        ("Telefon/Mobilgerät", "Phone/Mobile device", hardware + [
            select("kind", "Art", "Kind", ["Tischtelefon", "Smartphone", "Tablet"], section: "Allgemein", required: true),
            CIAttribute(key: "imei", label: "IMEI", type: .text, section: "Hardware", isUnique: true, regex: "[0-9]{15}"),
            text("phone_number", "Rufnummer", "Phone number", section: "Allgemein", customerVisible: true),
            CIAttribute(key: "contract_end", label: "Vertragsende", labelEN: "Contract end", type: .date, section: "Lebenszyklus"),
        ] + lifecycle),
        ("Software/Lizenz", "Software/Licence", [
            text("vendor", "Hersteller", "Vendor", section: "Allgemein"),
            text("product_version", "Version", "Product version", section: "Allgemein"),
            select("licence_type", "Lizenzart", "Licence type", ["Einzelplatz", "Volumen", "Abonnement"], section: "Allgemein"),
            CIAttribute(key: "seats", label: "Plätze", labelEN: "Seats", type: .number, section: "Allgemein"),
            CIAttribute(key: "licence_end", label: "Lizenzende", labelEN: "Licence end", type: .date, section: "Lebenszyklus"),
        ]),
        ("Netzwerkgerät", "Network device", hardware + network + [
            select("kind", "Art", "Kind", ["Switch", "Router", "Firewall", "Access Point"], section: "Allgemein", required: true),
            text("firmware", "Firmware", "Firmware version", section: "Netzwerk"),
            CIAttribute(key: "ports", label: "Ports", labelEN: "Port count", type: .number, section: "Netzwerk"),
        ] + lifecycle),
        ("Server", "Server", hardware + network + [
            select("kind", "Art", "Kind", ["physisch", "virtuell"], section: "Allgemein", required: true),
            text("operating_system", "Betriebssystem", "Operating system", section: "Allgemein"),
            CIAttribute(key: "cpu_cores", label: "CPU-Kerne", labelEN: "CPU cores", type: .number, section: "Hardware"),
            CIAttribute(key: "ram_gb", label: "Arbeitsspeicher (GB)", labelEN: "Memory (GB)", type: .number, section: "Hardware"),
        ] + lifecycle),
        ("Datenbankinstanz", "Database instance", [
            select("dbms", "Datenbanksystem", "DBMS", ["PostgreSQL", "Microsoft SQL Server", "Oracle", "MariaDB", "SQLite"], section: "Allgemein", required: true),
            text("product_version", "Version", "Product version", section: "Allgemein"),
            text("instance_name", "Instanzname", "Instance name", section: "Allgemein"),
            CIAttribute(key: "port", label: "Port", labelEN: "TCP port", type: .number, section: "Netzwerk"),
        ]),
    ]

    /// Serial and inventory numbers (both unique within a class), manufacturer and model.
    private static let hardware: [CIAttribute] = [
        CIAttribute(key: "serial_number", label: "Seriennummer", labelEN: "Serial number", type: .serialNumber, section: "Hardware", isUnique: true),
        CIAttribute(key: "inventory_number", label: "Inventarnummer", labelEN: "Inventory number", type: .text, section: "Allgemein", isUnique: true,
                    customerVisible: true),
        text("manufacturer", "Hersteller", "Manufacturer", section: "Hardware"),
        text("model", "Modell", "Model", section: "Hardware", customerVisible: true),
    ]

    private static let network: [CIAttribute] = [
        CIAttribute(key: "ip_address", label: "IP-Adresse", labelEN: "IP address", type: .ipAddress, section: "Netzwerk"),
        CIAttribute(key: "mac_address", label: "MAC-Adresse", labelEN: "MAC address", type: .macAddress, section: "Netzwerk"),
        text("hostname", "Hostname", "Host name", section: "Netzwerk"),
    ]

    private static let lifecycle: [CIAttribute] = [
        CIAttribute(key: "purchase_date", label: "Kaufdatum", labelEN: "Purchase date", type: .date, section: "Lebenszyklus"),
        CIAttribute(key: "warranty_end", label: "Garantieende", labelEN: "Warranty end", type: .date, section: "Lebenszyklus"),
        CIAttribute(key: "lease_end", label: "Leasingende", labelEN: "Lease end", type: .date, section: "Lebenszyklus"),
    ]

    private static func text(_ key: String, _ label: String, _ labelEN: String, section: String, customerVisible: Bool = false) -> CIAttribute {
        CIAttribute(key: key, label: label, labelEN: labelEN, type: .text, section: section, customerVisible: customerVisible)
    }

    private static func select(_ key: String, _ label: String, _ labelEN: String, _ options: [String], section: String, required: Bool = false) -> CIAttribute {
        CIAttribute(key: key, label: label, labelEN: labelEN, type: .select, section: section, isRequired: required, options: options)
    }
}
