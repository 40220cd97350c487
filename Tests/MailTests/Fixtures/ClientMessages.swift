/// Messages as the common mail clients write them, for the corpus tests.
enum ClientMessages {
    /// Outlook on Exchange: mixed → alternative, ISO-8859-1 quoted-printable, Word's HTML, an attachment whose
    /// name is RFC 2047-encoded inside quotes, a display name with a comma, CRLF line endings.
    static let outlook = TestBytes.crlf(#"""
    Received: from EXCH01.stadt.example (10.1.2.3) by EXCH02.stadt.example
     (10.1.2.4) with Microsoft SMTP Server (version=TLS1_2,
     cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.1.2507.6; Mon, 15 Jan 2024
     09:12:44 +0100
    From: =?iso-8859-1?Q?M=FCller=2C_Hans?= <Hans.Mueller@stadt.example>
    To: IT-Servicedesk <servicedesk@stadt.example>
    CC: "Schmidt, Petra" <Petra.Schmidt@stadt.example>,
    	=?iso-8859-1?Q?J=FCrgen_Wei=DF?= <juergen.weiss@stadt.example>
    Subject: =?iso-8859-1?Q?Drucker_im_B=FCro_3.OG_druckt_nur_leere_Seiten?=
    Thread-Topic: =?iso-8859-1?Q?Drucker_im_B=FCro_3.OG_druckt_nur_leere_Seiten?=
    Thread-Index: AdpHj2kQ1VhVYq3bT0uGZ8N4lR6Wqg==
    Date: Mon, 15 Jan 2024 08:12:43 +0000
    Message-ID: <AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0@AM0PR07MB4123.eurprd07.prod.outlook.com>
    Accept-Language: de-DE, en-US
    Content-Language: de-DE
    X-MS-Has-Attach: yes
    X-MS-TNEF-Correlator:
    Content-Type: multipart/mixed;
    	boundary="_004_AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0AM0PR07MB4123eurp_"
    MIME-Version: 1.0

    --_004_AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0AM0PR07MB4123eurp_
    Content-Type: multipart/alternative;
    	boundary="_000_AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0AM0PR07MB4123eurp_"

    --_000_AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0AM0PR07MB4123eurp_
    Content-Type: text/plain; charset="iso-8859-1"
    Content-Transfer-Encoding: quoted-printable

    Sehr geehrte Damen und Herren,

    der Drucker im B=FCro 3.OG (Raum 3.14) druckt seit heute Morgen nur noch le=
    ere Seiten. K=F6nnen Sie bitte jemanden vorbeischicken?

    Mit freundlichen Gr=FC=DFen
    Hans M=FCller
    Amt f=FCr Digitalisierung

    --_000_AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0AM0PR07MB4123eurp_
    Content-Type: text/html; charset="iso-8859-1"
    Content-Transfer-Encoding: quoted-printable

    <html xmlns:v=3D"urn:schemas-microsoft-com:vml" xmlns:o=3D"urn:schemas-micr=
    osoft-com:office:office">
    <head>
    <meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3Diso-8859-=
    1">
    <style><!--
    p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif=
    ;}
    --></style>
    </head>
    <body lang=3D"DE" link=3D"#0563C1" vlink=3D"#954F72">
    <div class=3D"WordSection1">
    <p class=3D"MsoNormal">Sehr geehrte Damen und Herren,<o:p></o:p></p>
    <p class=3D"MsoNormal"><o:p>&nbsp;</o:p></p>
    <p class=3D"MsoNormal">der Drucker im B=FCro 3.OG (Raum 3.14) druckt seit h=
    eute Morgen nur noch leere Seiten. K=F6nnen Sie bitte jemanden vorbeischick=
    en?<o:p></o:p></p>
    <p class=3D"MsoNormal">Mit freundlichen Gr=FC=DFen<br>Hans M=FCller<o:p></o=
    :p></p>
    </div>
    </body>
    </html>

    --_000_AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0AM0PR07MB4123eurp_--

    --_004_AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0AM0PR07MB4123eurp_
    Content-Type: application/pdf; name="=?iso-8859-1?Q?Pr=FCfprotokoll_Drucker.pdf?="
    Content-Description: =?iso-8859-1?Q?Pr=FCfprotokoll_Drucker.pdf?=
    Content-Disposition: attachment;
    	filename="=?iso-8859-1?Q?Pr=FCfprotokoll_Drucker.pdf?="; size=52;
    	creation-date="Mon, 15 Jan 2024 08:10:00 GMT";
    	modification-date="Mon, 15 Jan 2024 08:10:00 GMT"
    Content-Transfer-Encoding: base64

    JVBERi0xLjQKJSBQcnVlZnByb3Rva29sbAoxIDAgb2JqCjw8Pj4KZW5kb2JqCiUlRU9GCg==

    --_004_AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0AM0PR07MB4123eurp_--

    """#)

    /// Thunderbird: a reply in UTF-8 8bit with `format=flowed`, References and In-Reply-To, a subject mixing
    /// plain and encoded words, and an image attached with an RFC 2231 file name.
    static let thunderbird = TestBytes.crlf(#"""
    Message-ID: <3f2a1b4c-5d6e-7f80-9a1b-2c3d4e5f6a7b@stadt.example>
    Date: Tue, 16 Jan 2024 14:03:27 +0100
    MIME-Version: 1.0
    User-Agent: Mozilla Thunderbird
    Subject: Re: [Ticket#2024011510000012] Drucker im =?UTF-8?B?QsO8cm8=?= 3.OG
    Content-Language: de-DE
    To: IT-Servicedesk <servicedesk@stadt.example>
    References: <AM0PR07MB41234F1D2C3B4A5E6F7A8B9CAB0@AM0PR07MB4123.eurprd07.prod.outlook.com>
     <ticketwerk.2024011510000012.1@stadt.example>
    In-Reply-To: <ticketwerk.2024011510000012.1@stadt.example>
    From: =?UTF-8?Q?J=C3=BCrgen_Wei=C3=9F?= <juergen.weiss@stadt.example>
    Content-Type: multipart/mixed; boundary="------------0aB1cD2eF3gH4iJ5kL6mN7oP"

    This is a multi-part message in MIME format.
    --------------0aB1cD2eF3gH4iJ5kL6mN7oP
    Content-Type: text/plain; charset=UTF-8; format=flowed
    Content-Transfer-Encoding: 8bit

    Hallo zusammen,

    der Drucker druckt wieder, aber die Farben sind blass. Ich habe ein Foto\#u{20}
    der Testseite angehängt. Können Sie den Toner prüfen?

    Am 15.01.24 um 09:12 schrieb IT-Servicedesk:
    > Wir schicken heute Nachmittag jemanden\#u{20}
    > vorbei.

    Viele Grüße
    Jürgen
    --------------0aB1cD2eF3gH4iJ5kL6mN7oP
    Content-Type: image/jpeg; name*=UTF-8''Testseite%20Gr%C3%B6%C3%9Fe.jpg
    Content-Disposition: attachment; filename*=UTF-8''Testseite%20Gr%C3%B6%C3%9Fe.jpg
    Content-Transfer-Encoding: base64

    /9j/4AAQSkZJRgABAQEASABIAAAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMk
    JSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xd
    Xl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWW
    l5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P
    0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAECAwQFBgcI
    CQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BB
    QkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6
    e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKz
    tLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs
    7e7v8PHy8/T19vf4+fr7/P3+///Z

    --------------0aB1cD2eF3gH4iJ5kL6mN7oP--

    """#)

    /// Apple Mail: alternative → (text, related → (HTML, inline screenshot)), with Apple's boundaries and an
    /// inline image that has both Content-ID and a file name.
    static let appleMail = TestBytes.crlf(#"""
    From: Petra Schmidt <petra.schmidt@stadt.example>
    Content-Type: multipart/alternative;
    	boundary="Apple-Mail=_5C1B2A3D-4E5F-6071-8293-A4B5C6D7E8F9"
    Mime-Version: 1.0 (Mac OS X Mail 16.0 \(3774.300.61.1.2\))
    Subject: Fehlermeldung beim Anmelden
    Date: Wed, 17 Jan 2024 10:15:48 +0100
    Message-Id: <8E2F1C3A-9B4D-4E6F-A1B2-C3D4E5F6A7B8@stadt.example>
    To: servicedesk@stadt.example
    X-Mailer: Apple Mail (2.3774.300.61.1.2)


    --Apple-Mail=_5C1B2A3D-4E5F-6071-8293-A4B5C6D7E8F9
    Content-Transfer-Encoding: quoted-printable
    Content-Type: text/plain;
    	charset=utf-8

    Hallo,

    beim Anmelden im Fachverfahren erscheint seit heute diese Meldung (siehe =
    Bildschirmfoto).

    Gru=C3=9F
    Petra
    --Apple-Mail=_5C1B2A3D-4E5F-6071-8293-A4B5C6D7E8F9
    Content-Type: multipart/related;
    	type="text/html";
    	boundary="Apple-Mail=_0F1E2D3C-4B5A-6978-8776-A5B4C3D2E1F0"


    --Apple-Mail=_0F1E2D3C-4B5A-6978-8776-A5B4C3D2E1F0
    Content-Transfer-Encoding: quoted-printable
    Content-Type: text/html;
    	charset=utf-8

    <html><head><meta http-equiv=3D"content-type" content=3D"text/html; =
    charset=3Dutf-8"></head><body style=3D"overflow-wrap: break-word;">Hallo,<d=
    iv><br></div><div>beim Anmelden im Fachverfahren erscheint seit heute diese =
    Meldung:</div><div><img apple-inline=3D"yes" id=3D"1" src=3D"cid:3A1F2B4C-=
    5D6E-4F70-8192-A3B4C5D6E7F8@stadt.example"></div><div>Gru=C3=9F<br>Petra</d=
    iv></body></html>
    --Apple-Mail=_0F1E2D3C-4B5A-6978-8776-A5B4C3D2E1F0
    Content-Transfer-Encoding: base64
    Content-Disposition: inline;
    	filename="Bildschirmfoto 2024-01-17 um 10.14.02.png"
    Content-Type: image/png;
    	x-unix-mode=0644;
    	name="Bildschirmfoto 2024-01-17 um 10.14.02.png"
    Content-Id: <3A1F2B4C-5D6E-4F70-8192-A3B4C5D6E7F8@stadt.example>

    iVBORw0KGgoAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w
    MTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJj
    --Apple-Mail=_0F1E2D3C-4B5A-6978-8776-A5B4C3D2E1F0--

    --Apple-Mail=_5C1B2A3D-4E5F-6071-8293-A4B5C6D7E8F9--

    """#)

    /// Gmail: alternative with a base64 UTF-8 text part and a quoted-printable HTML part, an emoji in a
    /// B-encoded subject, LF line endings (as an MTA pipes the message to `mailgate`).
    static let gmail = TestBytes.lf(#"""
    Delivered-To: servicedesk@stadt.example
    MIME-Version: 1.0
    From: Erika Mustermann <erika.mustermann@gmail.com>
    Date: Thu, 18 Jan 2024 07:45:02 +0100
    Message-ID: <CAJ8x9Yq7m+Q0b5n4k2L3p1R6s7T8u9V0w1X2y3Z4a5B6c7D8e9F@mail.gmail.com>
    Subject: =?UTF-8?B?UGFzc3dvcnQgenVyw7xja3NldHplbiDwn5SR?=
    To: servicedesk@stadt.example
    Content-Type: multipart/alternative; boundary="000000000000a1b2c3060f1e2d3c"

    --000000000000a1b2c3060f1e2d3c
    Content-Type: text/plain; charset="UTF-8"
    Content-Transfer-Encoding: base64

    SGFsbG8gRnJhdSBTY2htaWR0LAoKYW5iZWkgZGFzIEZvcm11bGFyLgoKQmVzdGUgR3LDvMOfZQpFcmlrYQ==
    --000000000000a1b2c3060f1e2d3c
    Content-Type: text/html; charset="UTF-8"
    Content-Transfer-Encoding: quoted-printable

    <div dir=3D"ltr">Hallo Frau Schmidt,<div><br></div><div>anbei das Formular.=
    </div><div><br></div><div>Beste Gr=C3=BC=C3=9Fe</div><div>Erika</div></div>

    --000000000000a1b2c3060f1e2d3c--

    """#)

    static let all: [(name: String, bytes: [UInt8])] = [
        ("Outlook", outlook), ("Thunderbird", thunderbird), ("Apple Mail", appleMail), ("Gmail", gmail),
    ]
}
