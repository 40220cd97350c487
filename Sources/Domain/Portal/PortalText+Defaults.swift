extension PortalText {
    /// The texts used while an administrator has not written their own, as a German administration writes them.
    public static let defaults: [PortalText] = [
        PortalText(kind: .submitted, language: "de", subject: "Ihr Anliegen ist eingegangen: {{ticket.title}}", body: """
            Guten Tag {{requester.name}},

            vielen Dank für Ihre Nachricht. Ihr Anliegen „{{ticket.title}}“ ist bei uns eingegangen und hat die Vorgangsnummer {{ticket.number}}. Bitte geben Sie diese Nummer bei Rückfragen an.

            Sie können auf diese E-Mail antworten; Ihre Antwort wird dem Vorgang zugeordnet.

            Mit freundlichen Grüßen
            Ihr IT-Service
            """),
        PortalText(kind: .submitted, language: "en", subject: "We have received your request: {{ticket.title}}", body: """
            Hello {{requester.name}},

            thank you for your message. Your request "{{ticket.title}}" has reached us under the reference {{ticket.number}}. Please quote this reference in any enquiry.

            You can reply to this mail; your answer will be added to the request.

            Kind regards
            Your IT service
            """),
        PortalText(kind: .confirmAddress, language: "de", subject: "Bitte bestätigen Sie Ihr Anliegen", body: """
            Guten Tag,

            über unser Serviceportal wurde mit Ihrer E-Mail-Adresse ein Anliegen zum Thema „{{category.title}}“ eingereicht. Bitte bestätigen Sie innerhalb von 24 Stunden über den folgenden Link, dass die Nachricht von Ihnen stammt:

            {{link}}

            Erst nach Ihrer Bestätigung wird das Anliegen bearbeitet. Wenn Sie nichts eingereicht haben, können Sie diese E-Mail ignorieren.

            Mit freundlichen Grüßen
            Ihre Stadtverwaltung
            """),
        PortalText(kind: .confirmAddress, language: "en", subject: "Please confirm your request", body: """
            Hello,

            a request about "{{category.title}}" was submitted on our service portal with your mail address. Please confirm within 24 hours that it came from you by opening this link:

            {{link}}

            We will only work on the request after your confirmation. If you did not submit anything, please ignore this mail.

            Kind regards
            Your city administration
            """),
        PortalText(kind: .citizenCreated, language: "de", subject: "Ihr Anliegen {{ticket.number}}: {{ticket.title}}", body: """
            Guten Tag,

            vielen Dank für Ihre Bestätigung. Ihr Anliegen „{{ticket.title}}“ wird unter der Vorgangsnummer {{ticket.number}} bearbeitet.

            Den aktuellen Stand können Sie jederzeit ohne Anmeldung hier einsehen:
            {{link}}

            Bitte geben Sie diesen Link nicht weiter. Sie können auch auf diese E-Mail antworten.

            Mit freundlichen Grüßen
            Ihre Stadtverwaltung
            """),
        PortalText(kind: .citizenCreated, language: "en", subject: "Your request {{ticket.number}}: {{ticket.title}}", body: """
            Hello,

            thank you for confirming. Your request "{{ticket.title}}" is being handled under the reference {{ticket.number}}.

            You can see its current status at any time, without signing in, here:
            {{link}}

            Please do not share this link. You may also reply to this mail.

            Kind regards
            Your city administration
            """),
        PortalText(kind: .inProgress, language: "de", subject: "Ihr Anliegen {{ticket.number}} wird bearbeitet", body: """
            Guten Tag {{requester.name}},

            Ihr Anliegen „{{ticket.title}}“ (Vorgangsnummer {{ticket.number}}) wird jetzt bearbeitet. Wir melden uns, sobald es Neuigkeiten gibt.

            Mit freundlichen Grüßen
            Ihr IT-Service
            """),
        PortalText(kind: .inProgress, language: "en", subject: "Your request {{ticket.number}} is in progress", body: """
            Hello {{requester.name}},

            we are now working on your request "{{ticket.title}}" (reference {{ticket.number}}). We will be in touch as soon as there is news.

            Kind regards
            Your IT service
            """),
        PortalText(kind: .waitingForYou, language: "de", subject: "Rückfrage zu Ihrem Anliegen {{ticket.number}}", body: """
            Guten Tag {{requester.name}},

            für die weitere Bearbeitung Ihres Anliegens „{{ticket.title}}“ (Vorgangsnummer {{ticket.number}}) benötigen wir eine Rückmeldung von Ihnen. Bitte antworten Sie auf diese E-Mail oder im Serviceportal.

            Mit freundlichen Grüßen
            Ihr IT-Service
            """),
        PortalText(kind: .waitingForYou, language: "en", subject: "We need your reply on {{ticket.number}}", body: """
            Hello {{requester.name}},

            to continue with your request "{{ticket.title}}" (reference {{ticket.number}}) we need an answer from you. Please reply to this mail or on the service portal.

            Kind regards
            Your IT service
            """),
        PortalText(kind: .solved, language: "de", subject: "Ihr Anliegen {{ticket.number}} ist gelöst", body: """
            Guten Tag {{requester.name}},

            Ihr Anliegen „{{ticket.title}}“ (Vorgangsnummer {{ticket.number}}) ist aus unserer Sicht gelöst. Bitte bestätigen Sie die Lösung im Serviceportal. Falls das Problem weiter besteht, können Sie das Anliegen dort wieder öffnen oder auf diese E-Mail antworten.

            Mit freundlichen Grüßen
            Ihr IT-Service
            """),
        PortalText(kind: .solved, language: "en", subject: "Your request {{ticket.number}} is solved", body: """
            Hello {{requester.name}},

            we consider your request "{{ticket.title}}" (reference {{ticket.number}}) solved. Please confirm the solution on the service portal. If the problem persists, you can reopen the request there or reply to this mail.

            Kind regards
            Your IT service
            """),
    ]
}
