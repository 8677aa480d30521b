/// The page number a list was asked for, kept where `(page - 1) * per` cannot overflow: a huge number typed into the
/// address is an empty page past the end, never a crash of the process.
enum ListPaging {
    static let lastPage = 1_000_000

    static func page(_ asked: Int?) -> Int { min(lastPage, max(1, asked ?? 1)) }
}
