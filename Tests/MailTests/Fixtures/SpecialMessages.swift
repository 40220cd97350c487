/// Messages with particular structures: bounces, forwards, digests, signatures, RFC 2231 names, HTML only.
enum SpecialMessages {
    /// A Postfix bounce: multipart/report with the text, the delivery status and the returned message.
    static let postfixBounce = TestBytes.lf(#"""
    Return-Path: <>
    Date: Mon, 15 Jan 2024 11:00:02 +0100 (CET)
    From: MAILER-DAEMON@mail.stadt.example (Mail Delivery System)
    Subject: Undelivered Mail Returned to Sender
    To: servicedesk@stadt.example
    Auto-Submitted: auto-replied
    MIME-Version: 1.0
    Content-Type: multipart/report; report-type=delivery-status;
    	boundary="4B2C61E0123.1705312802/mail.stadt.example"
    Message-Id: <20240115100002.4B2C61E0123@mail.stadt.example>

    This is a MIME-encapsulated message.

    --4B2C61E0123.1705312802/mail.stadt.example
    Content-Description: Notification
    Content-Type: text/plain; charset=us-ascii

    This is the mail system at host mail.stadt.example.

    I'm sorry to have to inform you that your message could not
    be delivered to one or more recipients. It's attached below.

    <h.mueler@stadt.example>: host mx.stadt.example[10.0.0.5] said: 550 5.1.1
        <h.mueler@stadt.example>: Recipient address rejected: User unknown (in
        reply to RCPT TO command)

    --4B2C61E0123.1705312802/mail.stadt.example
    Content-Description: Delivery report
    Content-Type: message/delivery-status

    Reporting-MTA: dns; mail.stadt.example
    X-Postfix-Queue-ID: 4B2C61E0123
    X-Postfix-Sender: rfc822; servicedesk@stadt.example
    Arrival-Date: Mon, 15 Jan 2024 11:00:01 +0100 (CET)

    Final-Recipient: rfc822; h.mueler@stadt.example
    Original-Recipient: rfc822;h.mueler@stadt.example
    Action: failed
    Status: 5.1.1
    Remote-MTA: dns; mx.stadt.example
    Diagnostic-Code: smtp; 550 5.1.1 <h.mueler@stadt.example>: Recipient address
        rejected: User unknown

    Final-Recipient: rfc822; p.schmid@stadt.example
    Action: delayed
    Status: 4.4.1
    Diagnostic-Code: X-Postfix; connect to mx2.stadt.example: Connection timed out

    --4B2C61E0123.1705312802/mail.stadt.example
    Content-Description: Undelivered Message
    Content-Type: message/rfc822

    Return-Path: <servicedesk@stadt.example>
    Message-ID: <ticketwerk.2024011510000012.2@stadt.example>
    Date: Mon, 15 Jan 2024 11:00:00 +0100
    From: IT-Servicedesk <servicedesk@stadt.example>
    To: h.mueler@stadt.example, p.schmid@stadt.example
    Subject: [Ticket#2024011510000012] =?UTF-8?Q?Ihre_Anfrage_zum_Drucker_im_B=C3=BCro?=
    Auto-Submitted: auto-replied
    MIME-Version: 1.0
    Content-Type: text/plain; charset=utf-8
    Content-Transfer-Encoding: 7bit

    Ihre Anfrage ist eingegangen.

    --4B2C61E0123.1705312802/mail.stadt.example--

    """#)

    /// A message forwarded as attachment (message/rfc822) by Thunderbird; the forwarded message is itself
    /// multipart with an ISO-8859-1 subject.
    static let forwardedAsAttachment = TestBytes.crlf(#"""
    From: Petra Schmidt <petra.schmidt@stadt.example>
    To: servicedesk@stadt.example
    Subject: Fwd: Zugang zum Ratsinformationssystem
    Date: Fri, 19 Jan 2024 09:30:00 +0100
    Message-ID: <fwd-1@stadt.example>
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="------------fwd0123456789"

    This is a multi-part message in MIME format.
    --------------fwd0123456789
    Content-Type: text/plain; charset=UTF-8
    Content-Transfer-Encoding: 7bit

    Bitte um Bearbeitung, siehe weitergeleitete Nachricht.

    --------------fwd0123456789
    Content-Type: message/rfc822; name="Zugang zum Ratsinformationssystem.eml"
    Content-Disposition: attachment; filename="Zugang zum Ratsinformationssystem.eml"

    From: =?iso-8859-1?Q?Ratsb=FCro?= <ratsbuero@stadt.example>
    To: Petra Schmidt <petra.schmidt@stadt.example>
    Subject: =?iso-8859-1?Q?Zugang_f=FCr_neue_Ratsmitglieder?=
    Date: Thu, 18 Jan 2024 16:00:00 +0100
    Message-ID: <orig-42@stadt.example>
    MIME-Version: 1.0
    Content-Type: multipart/alternative; boundary="inner-alt"

    --inner-alt
    Content-Type: text/plain; charset=iso-8859-1
    Content-Transfer-Encoding: quoted-printable

    Bitte richten Sie f=FCr die neuen Ratsmitglieder Zug=E4nge ein.
    --inner-alt
    Content-Type: text/html; charset=iso-8859-1
    Content-Transfer-Encoding: quoted-printable

    <p>Bitte richten Sie f=FCr die neuen Ratsmitglieder Zug=E4nge ein.</p>
    --inner-alt--

    --------------fwd0123456789--

    """#)

    /// Attachment names in RFC 2231 continuations: UTF-8 with a character split across sections, and an
    /// ISO-8859-1 name continued by a plain (unencoded) section.
    static let rfc2231Continuations = TestBytes.crlf(#"""
    From: Personalamt <personalamt@stadt.example>
    To: servicedesk@stadt.example
    Subject: Neue Mitarbeiterin
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="b2231"

    --b2231
    Content-Type: text/plain; charset=us-ascii

    Anbei der Antrag.
    --b2231
    Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;
     name*0*=UTF-8''Antrag%20auf%20Bereitstellung%20eines%20Arbeitsplatzes%20f%C3;
     name*1*=%BCr%20neue%20Mitarbeiterin%20%E2%80%93%20Amt%2012.docx
    Content-Disposition: attachment;
     filename*0*=UTF-8''Antrag%20auf%20Bereitstellung%20eines%20Arbeitsplatzes%20f%C3;
     filename*1*=%BCr%20neue%20Mitarbeiterin%20%E2%80%93%20Amt%2012.docx
    Content-Transfer-Encoding: base64

    UEsDBAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0
    NTY3ODk6Ow==
    --b2231
    Content-Type: application/pdf
    Content-Disposition: attachment; filename*0*=iso-8859-1'de'Stra%DFen; filename*1="plan Nord.pdf"
    Content-Transfer-Encoding: base64

    JVBERi0xLjQKJSBQcnVlZnByb3Rva29sbAoxIDAgb2JqCjw8Pj4KZW5kb2JqCiUlRU9GCg==
    --b2231--
    """#)

    /// A newsletter-style message with only HTML (Windows-1252), from a mailing list.
    static let htmlOnlyListMail = TestBytes.crlf(#"""
    From: Intranet-Redaktion <intranet@stadt.example>
    To: alle@stadt.example
    Subject: Wartungsfenster am Wochenende
    Date: Sat, 20 Jan 2024 08:00:00 +0100
    Message-ID: <newsletter-2024-03@stadt.example>
    List-Id: Alle Mitarbeitenden <alle.stadt.example>
    List-Unsubscribe: <mailto:alle-leave@stadt.example>
    Precedence: bulk
    Auto-Submitted: auto-generated
    MIME-Version: 1.0
    Content-Type: text/html; charset=windows-1252
    Content-Transfer-Encoding: quoted-printable

    <!DOCTYPE html><html><head><title>Newsletter</title><style>body{font-family:=
    Arial}</style><script>var tracking =3D 1;</script></head><body>
    <h1>Wartungsfenster</h1>
    <p>Am Samstag, 27.&nbsp;Januar, sind folgende Systeme =84nicht erreichbar=93=
    :</p>
    <ul><li>E-Mail &amp; Kalender</li><li>Fachverfahren =96 Meldewesen</li></ul>
    <p>Fragen? Schreiben Sie an <a href=3D"mailto:servicedesk@stadt.example">den=
     Servicedesk</a>.<br>Ihre Intranet-Redaktion</p>
    <!-- Tracking-Pixel --><img src=3D"https://example.org/t.gif" alt=3D"">
    </body></html>
    """#)

    /// A PGP/MIME signed message (multipart/signed).
    static let pgpSigned = TestBytes.lf(#"""
    From: Admin <admin@stadt.example>
    To: servicedesk@stadt.example
    Subject: Zertifikat erneuert
    MIME-Version: 1.0
    Content-Type: multipart/signed; micalg=pgp-sha256;
     protocol="application/pgp-signature"; boundary="sig-boundary"

    This is an OpenPGP/MIME signed message (RFC 4880 and 3156)
    --sig-boundary
    Content-Type: text/plain; charset=utf-8
    Content-Transfer-Encoding: quoted-printable

    Das TLS-Zertifikat f=C3=BCr intranet.stadt.example ist erneuert.
    --sig-boundary
    Content-Type: application/pgp-signature; name="OpenPGP_signature.asc"
    Content-Description: OpenPGP digital signature
    Content-Disposition: attachment; filename="OpenPGP_signature.asc"

    -----BEGIN PGP SIGNATURE-----

    iQEzBAEBCAAdFiEE
    =abcd
    -----END PGP SIGNATURE-----
    --sig-boundary--
    """#)

    /// A multipart/digest whose parts have no Content-Type (so they are message/rfc822).
    static let digest = TestBytes.lf(#"""
    From: Liste <liste@stadt.example>
    To: servicedesk@stadt.example
    Subject: Listen-Digest, Band 12, Ausgabe 3
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="outer"

    --outer
    Content-Type: text/plain

    Themen dieser Ausgabe: 1. Druckerwechsel 2. Softwareverteilung
    --outer
    Content-Type: multipart/digest; boundary="digest"

    --digest

    From: a@stadt.example
    Subject: Druckerwechsel
    Message-ID: <d1@stadt.example>

    Die Drucker im 2.OG werden getauscht.
    --digest

    From: b@stadt.example
    Subject: Softwareverteilung
    Message-ID: <d2@stadt.example>

    Neue Version am Montag.
    --digest--
    --outer--
    """#)

    static let all: [(name: String, bytes: [UInt8])] = [
        ("Postfix bounce", postfixBounce), ("forward as attachment", forwardedAsAttachment),
        ("RFC 2231 continuations", rfc2231Continuations), ("HTML-only list mail", htmlOnlyListMail),
        ("PGP signed", pgpSigned), ("digest", digest),
    ]
}
