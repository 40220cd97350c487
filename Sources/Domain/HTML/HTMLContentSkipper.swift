/// Tracks which tokens lie inside elements whose whole content is to be dropped, such as `script` or `head`.
///
/// Nested elements of the same name are counted, so `<object><object></object>x</object>` drops `x`. Raw-text
/// elements are skipped even when written self-closing, as browsers ignore the slash there. The head ends
/// where browsers end it: at `</head>`, at `<body>` or any other tag that does not belong in a head, or at
/// text that is not white space.
struct HTMLContentSkipper {
    private let droppedElements: Set<String>
    private var open: [String] = []

    init(droppedElements: Set<String>) {
        self.droppedElements = droppedElements
    }

    /// Whether `token` is dropped content, or opens or closes it, and so must be ignored.
    mutating func skips(_ token: HTMLToken) -> Bool {
        if open.last == "head" {
            switch token {
            case .endTag("head"):
                open.removeLast()
                return true
            case .startTag(let name, _, let isSelfClosing) where HTMLElement.headContent.contains(name):
                if droppedElements.contains(name), opensContent(name, isSelfClosing: isSelfClosing) {
                    open.append(name)
                }
                return true
            case .endTag:
                return true
            case .text(let text) where text.utf8.allSatisfy(HTMLTokenizer.isWhitespace):
                return true
            case .startTag, .text:
                open.removeLast()
                return skips(token)
            }
        }

        if let current = open.last {
            switch token {
            case .startTag(current, _, let isSelfClosing) where opensContent(current, isSelfClosing: isSelfClosing):
                open.append(current)
            case .endTag(current):
                open.removeLast()
            default:
                break
            }
            return true
        }

        if case .startTag(let name, _, let isSelfClosing) = token, droppedElements.contains(name) {
            if opensContent(name, isSelfClosing: isSelfClosing) { open.append(name) }
            return true
        }
        return false
    }

    private func opensContent(_ name: String, isSelfClosing: Bool) -> Bool {
        HTMLElement.rawText.contains(name) || !(isSelfClosing || HTMLElement.void.contains(name))
    }
}
