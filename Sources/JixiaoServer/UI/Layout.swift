import NIOConcurrencyHelpers
import Plot
import Vapor
import JixiaoDomain

/// The page frame every HTML response shares: header with the person and language switch,
/// the loop's navigation filtered by role, and a main area.
struct Layout {
    let request: Request
    var t: Localizer { request.localizer }

    /// `refreshSeconds` reloads the page on its own (a running import), without any script.
    func render(title: String, status: HTTPResponseStatus = .ok, refreshSeconds: Int? = nil, _ content: Node<HTML.BodyContext>...) -> Response {
        render(title: title, status: status, refreshSeconds: refreshSeconds, content: content)
    }

    func render(title: String, status: HTTPResponseStatus = .ok, refreshSeconds: Int? = nil, content: [Node<HTML.BodyContext>]) -> Response {
        let user = request.signedIn
        let html = HTML(
            .lang(request.appLocale == .zhHans ? .chinese : .english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) · \(t(.appName))"),
                .link(.rel(.stylesheet), .href(HomeRoute.stylesheet.url)),
                .unwrap(refreshSeconds) { .meta(.attribute(named: "http-equiv", value: "refresh"), .content(String($0))) }
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(t(.skipToContent))),
                .header(.class("site-header"),
                    .a(.class("brand"), .href(HomeRoute.home().url), .text(t(.appName)), .span(.class("brand-sub"), .text(t(.appSubtitle)))),
                    .unwrap(user) { user in
                        .div(.class("who"),
                            .span(.text("\(user.displayName)（\(user.organizationName)）")),
                            .a(.href(AccessRoute.password.url), .text(t(.changePassword))),
                            .form(.method(.post), .action(AccessRoute.signOut.url), .class("inline"),
                                  csrfField(),
                                  .button(.type(.submit), .class("link-button"), .text(t(.signOut))))
                        )
                    },
                    languageSwitch()
                ),
                .unwrap(user) { user in navigation(for: user) },
                .main(.id("main"), .class("content"), .h1(.text(title)), .group(content)),
                .footer(.class("site-footer"), .text(t(.footerLoop)))
            )
        )
        let response = Response(status: status)
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.body = .init(string: html.render())
        return response
    }

    func csrfField() -> Node<HTML.FormContext> {
        Components.csrfField(request.signedIn?.csrfToken ?? "")
    }

    private func languageSwitch() -> Node<HTML.BodyContext> {
        let other: AppLocale = request.appLocale == .zhHans ? .en : .zhHans
        let back = request.url.string
        return .form(.method(.post), .action(AccessRoute.locale.url), .class("inline lang-switch"),
                     .if(request.signedIn != nil, csrfField()),
                     .input(.type(.hidden), .name("locale"), .value(other.rawValue)),
                     .input(.type(.hidden), .name("back"), .value(back)),
                     .button(.type(.submit), .class("link-button"), .attribute(named: "lang", value: other.htmlLang),
                             .text(other == .en ? "English" : "中文")))
    }

    private func navigation(for user: SignedInUser) -> Node<HTML.BodyContext> {
        let path = request.url.path
        let groups = NavigationMenu(for: user.actor).groups
        // The menu's entries, the language and which entries are current decide the markup, so it is rendered once
        // per process for each such combination and reused by every page that shows it.
        var key = request.appLocale.rawValue
        for group in groups {
            for entry in group.entries { key += (path.hasPrefix(entry.path) ? "|*" : "|") + entry.path }
        }
        if let rendered = RenderedNavigation.cache.withLockedValue({ $0[key] }) { return .raw(rendered) }
        func link(_ target: String, _ title: TextKey) -> Node<HTML.BodyContext> {
            .a(.href(target), .if(path.hasPrefix(target), .attribute(named: "aria-current", value: "page")), .text(t(title)))
        }
        let navigation: Node<HTML.BodyContext> = .nav(.class("site-nav"), .attribute(named: "aria-label", value: t(.navLabel)),
            .ul(.forEach(groups) { group in
                // A section of one page is a link; a section of several (系统管理) is a heading over its pages.
                if group.entries.count == 1 && group.section != .admin {
                    return .li(link(group.entries[0].path, group.section.title))
                }
                return .li(.span(.class("nav-group"), .text(t(group.section.title))),
                           .ul(.forEach(group.entries) { entry in .li(link(entry.path, entry.title)) }))
            })
        )
        let rendered = navigation.render()
        RenderedNavigation.cache.withLockedValue { cache in
            if cache.count >= RenderedNavigation.limit { cache.removeAll() }
            cache[key] = rendered
        }
        return .raw(rendered)
    }
}

/// Navigation markup already rendered, by language, menu entries and current entry (a few dozen combinations in
/// practice; emptied if it ever grows past `limit`).
private enum RenderedNavigation {
    static let limit = 1000
    static let cache = NIOLockedValueBox([String: String]())
}

extension Request {
    var layout: Layout { Layout(request: self) }
}
