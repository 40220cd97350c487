/// Broken messages as real mailers and spammers produce them.
enum MalformedMessages {
    /// The final boundary is missing: the message just ends inside the attachment.
    static let missingFinalBoundary = TestBytes.crlf(#"""
    From: scanner@stadt.example
    To: servicedesk@stadt.example
    Subject: Scan vom Multifunktionsgeraet
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="scan"

    --scan
    Content-Type: text/plain

    Gescanntes Dokument im Anhang.
    --scan
    Content-Type: application/pdf; name="scan_0001.pdf"
    Content-Transfer-Encoding: base64

    JVBERi0xLjQKJSBQcnVlZnByb3Rva29sbAoxIDAgb2JqCjw8Pj4KZW5kb2JqCiUlRU9GCg==
    """#)

    /// The declared boundary never appears; the body uses another one.
    static let wrongBoundary = TestBytes.crlf(#"""
    From: webformular@stadt.example
    To: servicedesk@stadt.example
    Subject: Kontaktformular
    MIME-Version: 1.0
    Content-Type: multipart/alternative; boundary="declared-but-unused"

    --actual-boundary
    Content-Type: text/plain; charset=utf-8

    Anliegen: Meine Anmeldung im Bürgerportal funktioniert nicht.
    --actual-boundary
    Content-Type: text/html; charset=utf-8

    <p>Anliegen: Meine Anmeldung im Bürgerportal funktioniert nicht.</p>
    --actual-boundary--
    """#)

    /// Content-Type multipart without boundary parameter.
    static let missingBoundaryParameter = TestBytes.lf(#"""
    From: alt@stadt.example
    Subject: Ohne Boundary
    Content-Type: multipart/mixed

    --xyz
    Content-Type: text/plain

    Erster Teil.
    --xyz
    Content-Type: text/plain; name="notiz.txt"

    Notiz.
    --xyz--
    """#)

    /// An inner multipart that is never closed while the outer one goes on.
    static let unclosedInnerMultipart = TestBytes.lf(#"""
    From: a@stadt.example
    Subject: Verschachtelt
    Content-Type: multipart/mixed; boundary="outer"

    --outer
    Content-Type: multipart/alternative; boundary="inner"

    --inner
    Content-Type: text/plain

    Innerer Text.
    --inner
    Content-Type: text/html

    <p>Innerer Text.</p>
    --outer
    Content-Type: text/plain; name="log.txt"
    Content-Disposition: attachment; filename="log.txt"

    Fehlerprotokoll
    --outer--
    """#)

    /// Base64 with characters outside the alphabet, a missing padding, and a text part labelled base64 that
    /// is plain text.
    static let invalidBase64 = TestBytes.crlf(#"""
    From: a@stadt.example
    Subject: Kaputtes base64
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="b64"

    --b64
    Content-Type: text/plain; charset=utf-8
    Content-Transfer-Encoding: base64

    Dies ist gar kein base64, sondern einfacher Text, den ein Skript falsch
    ausgezeichnet hat. Er soll trotzdem lesbar ankommen!
    --b64
    Content-Type: application/octet-stream; name="daten.bin"
    Content-Transfer-Encoding: base64

    AAEC!!AwQF*BgcI
    CQoL
    --b64--
    """#)

    /// 8-bit ISO-8859-1 bytes in headers (no encoded words), in a message declaring ISO-8859-1.
    static let eightBitHeaders: [UInt8] = TestBytes.latin1(
        "From: J\u{FC}rgen Wei\u{DF} <juergen.weiss@stadt.example>\r\n"
        + "To: servicedesk@stadt.example\r\n"
        + "Subject: Gr\u{FC}\u{DF}e aus dem B\u{FC}rgerb\u{FC}ro\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=iso-8859-1\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n"
        + "Die Warteschlange im B\u{FC}rgerb\u{FC}ro funktioniert nicht.\r\n")

    /// NUL bytes in a header and in the text.
    static let nulBytes: [UInt8] = TestBytes.crlf("From: a@stadt.example\nSubject: Null\u{0}byte\nContent-Type: text/plain\n\nText mit\u{0} NUL.\n")

    /// Malformed encoded words: split in the middle of a word, without `?=`, with wrong charset names.
    static let malformedEncodedWords = TestBytes.crlf(#"""
    From: "=?utf-8?Q?M=C3=BCller=2C_Hans?=" <hans.mueller@stadt.example>
    To: =?iso-8859-1?Q?J=FCrgen?= <j@stadt.example>, =?utf-8?Q?M=FCller?= <m@stadt.example>
    Subject: =?iso-8859-1?Q?M=FC?= =?iso-8859-1?Q?ller?= beantragt =?iso-8859-1?Q?Zugang_f=FCr_B=FCro
    Comments: =?utf-8?Q?Gr=C3?= =?utf-8?Q?=BC=C3=9Fe?=
    Keywords: =?iso-8859-1?Q?M=C3=BCller?=, =?x-unknown?Q?M=FCller?=, =?us-ascii?Q?K=F6ln?=
    Content-Type: text/plain

    Text.
    """#)

    static let all: [(name: String, bytes: [UInt8])] = [
        ("missing final boundary", missingFinalBoundary), ("wrong boundary", wrongBoundary),
        ("missing boundary parameter", missingBoundaryParameter), ("unclosed inner multipart", unclosedInnerMultipart),
        ("invalid base64", invalidBase64), ("8-bit headers", eightBitHeaders), ("NUL bytes", nulBytes),
        ("malformed encoded words", malformedEncodedWords),
    ]
}
