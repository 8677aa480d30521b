import Plot

/// Small building blocks of forms and lists. Each field shows its error right beside it and links
/// the two for screen readers.
enum Components {
    static func textField(label: String, name: String, value: String = "", error: String? = nil,
                          type: HTMLInputType = .text, required: Bool = false, hint: String? = nil,
                          autocomplete: String? = nil) -> Node<HTML.FormContext> {
        let errorID = "\(name)-error"
        return .div(.class(error == nil ? "field" : "field has-error"),
            .label(.for(name), .text(label)),
            input([.type(type), .id(name), .name(name), .value(value)]
                  + (required ? [.required(true)] : [])
                  + (autocomplete.map { [.attribute(named: "autocomplete", value: $0)] } ?? [])
                  + (error != nil ? [.attribute(named: "aria-invalid", value: "true"), .attribute(named: "aria-describedby", value: errorID)] : [])),
            .unwrap(hint) { .p(.class("hint"), .text($0)) },
            .unwrap(error) { .p(.class("field-error"), .id(errorID), .attribute(named: "role", value: "alert"), .text($0)) }
        )
    }

    static func selectField(label: String, name: String, options: [(value: String, label: String)], selected: String?,
                            error: String? = nil, includeEmpty: String? = nil) -> Node<HTML.FormContext> {
        let errorID = "\(name)-error"
        return .div(.class(error == nil ? "field" : "field has-error"),
            .label(.for(name), .text(label)),
            .select(.id(name), .attribute(named: "name", value: name),
                    .if(error != nil, .attribute(named: "aria-describedby", value: errorID)),
                    .unwrap(includeEmpty) { Self.option(value: "", label: $0, selected: false) },
                    .forEach(options) { Self.option(value: $0.value, label: $0.label, selected: $0.value == selected) }),
            .unwrap(error) { .p(.class("field-error"), .id(errorID), .attribute(named: "role", value: "alert"), .text($0)) }
        )
    }

    static func checkboxes(legend: String, name: String, options: [(value: String, label: String)], checked: Set<String>,
                           error: String? = nil) -> Node<HTML.FormContext> {
        .fieldset(.class(error == nil ? "field" : "field has-error"),
            .element(named: "legend", text: legend),
            .forEach(options) { option in
                .label(.class("check"),
                       input([.type(.checkbox), .name("\(name)[]"), .value(option.value)] + (checked.contains(option.value) ? [.checked(true)] : [])),
                       .text(" " + option.label))
            },
            .unwrap(error) { .p(.class("field-error"), .attribute(named: "role", value: "alert"), .text($0)) }
        )
    }

    /// An `<input>` whose attributes are computed (Plot's variadic form cannot take conditionals).
    static func input<Context>(_ attributes: [Attribute<HTML.InputContext>]) -> Node<Context> {
        .selfClosedElement(named: "input", attributes: attributes)
    }

    /// An `<option>` with its visible text as content.
    static func option(value: String, label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [.attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                                          selected ? .attribute(named: "selected") : .group([]), .text(label)])
    }

    static func notice(_ text: String, kind: String = "info") -> Node<HTML.BodyContext> {
        .div(.class("notice notice-\(kind)"), .attribute(named: "role", value: kind == "error" ? "alert" : "status"), .text(text))
    }

    /// An error with its per-row details (an import's errors by sheet, row and column), the first 200 listed.
    static func problem(_ error: AppError, _ t: Localizer) -> Node<HTML.BodyContext> {
        .div(notice(t(error.message), kind: "error"),
             .if(!error.details.isEmpty, .ul(.class("error-list"), .forEach(error.details.prefix(200)) { detail in
                 .li(.unwrap(detail.location) { .strong(.text(t($0) + "：")) }, .text(t(detail.message)))
             })),
             .if(error.details.count > 200, .p(.text(t(.moreErrors(String(error.details.count - 200)))))))
    }

    static func badge(_ text: String, kind: String = "") -> Node<HTML.BodyContext> {
        .span(.class("badge \(kind)"), .text(text))
    }

    /// Where a long list stands and the way to its neighbouring pages: "第 51–100 条，共 13,000 条 · 上一页 · 下一页".
    /// `link(n)` builds the address of page `n` with the list's filters.
    static func pager(page: Int, per: Int, total: Int, _ t: Localizer, link: (Int) -> String) -> Node<HTML.BodyContext> {
        guard total > per || page > 1 else { return .empty }
        let first = total == 0 ? 0 : (page - 1) * per + 1
        let last = min(total, page * per)
        let pages = max(1, (total + per - 1) / per)
        return .nav(.class("pager"), .attribute(named: "aria-label", value: t(.pagerLabel)),
            .span(.text(t(.pagerShowing(first, last, total)))),
            .if(page > 1, .a(.href(link(page - 1)), .attribute(named: "rel", value: "prev"), .text(t(.pagerPrevious)))),
            .if(page < pages, .a(.href(link(page + 1)), .attribute(named: "rel", value: "next"), .text(t(.pagerNext)))))
    }

    /// The hidden field that carries the session's CSRF token in every form that changes something.
    static func csrfField(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("_csrf"), .value(token))
    }
}
