/// 指标方向 — which way an indicator's name says its value should move, read from the structure of the name.
///
/// An indicator name is a phrase: a thing, sometimes what is done about it, and a measure — 事故|发生|率,
/// 违规资金|追回|率, 设备|故障|停机|率. A list of whole words ("事故率", "差错率") misses the same outcome as soon as
/// other words stand before the measure (超期未结率, 差错发生率), and cannot tell 投诉率 (less is better) from
/// 投诉处理率 (more is better). So the rule reads the structure instead:
///
/// 1. Find the **last bad outcome** in the name (事故, 差错, 超期, 投诉, 不合格 …). A good word negated right before
///    it is a bad outcome too (未整改, 不及时, 未达标). Several bad words in a row are one outcome (营养不良发生,
///    故障停机).
/// 2. Look **after** it: a word that handles the outcome (处理, 整改, 追回, 办结, 修复 …), a good result (合格, 达标,
///    覆盖, 及时, 满意 …) or a fall (下降, 降低, 减少) makes the measure a positive one — 投诉处理率, 隐患整改率,
///    违规资金追回率, 事故下降率, 事故率下降. Nothing of the kind: the measure counts the bad outcome itself —
///    事故率, 差错发生率, 超期未结率, 设备故障停机率.
///    Lateness words (超期, 逾期, 超时 …) say *how* the next verb was done: 超期办理率 is the share handled late,
///    so a handling word right after them does not count; with a noun between (逾期贷款清收率) it does.
/// 3. Look **before** it: a word acting on the outcome from the front (降低事故发生率, 无重大事故天数, 杜绝投诉,
///    治理水土流失面积) states an aim; the target may then be the outcome or the reduction, so the name does not
///    tell and the rule stays silent. (A handling word before a lateness word is what was late: 投诉处理超时率.)
/// 4. Only then the **measure** at the end decides whether a direction exists: a rate or a count (率, 度, 比例,
///    占比, 数, 量, 金额 …) goes the way found above; a time or duration (时间, 时长, 天数 …) of a bad outcome
///    should be short (故障停机时长), but the time of *handling* may be a response limit (≤) or service hours (≥),
///    so it says nothing; a name without a measure says something only when it ends on the bad outcome
///    (重大安全事故: less is better).
///
/// With no bad outcome in the name, a rate of something good or of handling (合格率, 覆盖率, 完成率, 满意度,
/// 办结率, 成本降低率) should rise. Everything else (生均补助标准, 项目完成时间) has no direction from its name.
/// The rule prefers silence to a wrong finding: a name it cannot read gives nil.
public enum IndicatorDirection {
    /// What a word in a name does to its direction.
    enum NameWord: Sendable, Equatable {
        /// Something that should not happen; counting it, less is better.
        case badOutcome
        /// Says that something was done late; the verb right after it is what was late.
        case lateness
        /// Doing something about a bad outcome.
        case remedy
        /// A good result.
        case good
        /// A bad quantity going down.
        case reduction
        /// Keeping something from happening, or its absence (无, 零, 杜绝, 控制 …).
        case prevention
        /// "Not": turns the good or handling word right after it into a bad outcome (不及时); on its own it says nothing.
        case negation

        var isBad: Bool { self == .badOutcome || self == .lateness }
        /// Words that, after a bad outcome, make the measure a positive one.
        var handles: Bool { self == .remedy || self == .good || self == .reduction }
    }

    static let lexicon: [(NameWord, [String])] = [
        (.badOutcome, ["事故", "差错", "错误", "失误", "误差", "错报", "漏报", "瞒报", "迟报", "投诉", "违规", "违纪", "违法",
                       "违约", "违章", "违建", "损失", "损毁", "不合格", "不达标", "不满意", "不良", "未结", "返工", "返修",
                       "发生", "发案", "发病", "患病", "疾病", "感染", "死亡", "伤亡", "伤害", "辍学", "失学", "流失",
                       "空置", "闲置", "滞留", "欠薪", "欠款", "拖欠", "积压", "超支", "超标", "浪费", "污染", "故障",
                       "停机", "停电", "停水", "延误", "隐患", "缺陷", "病害", "纠纷", "火灾", "灾害", "犯罪", "失业", "贫困",
                       "文盲", "近视", "肥胖", "退回", "拥堵", "坏账", "呆账", "亏损", "挪用", "截留", "套取", "冒领",
                       "虚报", "腐败"]),
        (.lateness, ["超期", "逾期", "超时", "延期", "滞后", "拖延", "迟延"]),
        (.remedy, ["处理", "处置", "整改", "追回", "追缴", "收回", "回收", "挽回", "办结", "办理", "结案", "化解", "调解",
                   "调处", "回复", "答复", "反馈", "受理", "响应", "查处", "查办", "纠正", "更正", "改正", "解决", "消除",
                   "排除", "排查", "治理", "整治", "防治", "修复", "维修", "抢修", "恢复", "清欠", "清收", "清偿", "清理",
                   "清零", "兑付", "销号", "关停", "取缔", "拆除", "召回", "救治", "治愈", "救助", "资助", "帮扶", "脱贫",
                   "劝返", "返校", "复学", "盘活", "利用", "消化", "赔付", "补偿", "问责", "处罚", "打击", "上报", "报告",
                   "到场", "到达"]),
        (.good, ["合格", "达标", "覆盖", "完成", "及时", "到位", "满意", "准确", "正确", "规范", "知晓", "普及", "参保",
                 "接种", "验收", "通过", "入学", "就业", "再就业", "巩固", "优良", "有效", "好转", "正常", "完好"]),
        (.reduction, ["下降", "降低", "减少", "压减", "削减", "减排", "降幅", "缩减", "压降"]),
        (.prevention, ["无", "零", "未", "没", "没有", "杜绝", "防止", "预防", "避免", "遏制", "控制", "防范", "防控", "防",
                       "反", "控", "禁止"]),
        (.negation, ["不", "非"]),
    ]
    static let words = WordTable(lexicon)

    /// What the name ends on: what is measured.
    enum Measure: Equatable { case rate, count, duration, none }

    /// Endings in the order they are tried: 工程质量 ends on 量 and is no count; 超期天数 ends on 数 and is a duration.
    static let measureEndings: [(Measure, [[Unicode.Scalar]])] = ([
        (.none, ["质量"]),
        (.duration, ["时间", "时长", "时限", "天数", "日数", "周期", "用时", "期限", "工作日", "小时", "时效"]),
        (.rate, ["率", "度", "比例", "比率", "占比", "比重", "百分比", "指数", "幅度", "降幅", "增幅", "百分点",
                 "下降", "降低", "减少", "增长", "上升", "提高", "增加"]),
        (.count, ["数", "量", "额", "次", "起", "件", "宗", "例", "面积", "规模", "户", "笔"]),
    ] as [(Measure, [String])]).map { ($0.0, $0.1.map { Array($0.unicodeScalars) }) }

    /// `.lowerIsBetter` or `.higherIsBetter` as the name says, nil when the name does not tell.
    public static func expected(fromName name: String) -> TargetOperator.Direction? {
        let text = normalized(name)
        let found = joiningNegations(words.words(in: text))
        let measure = measure(of: text)

        guard let last = found.lastIndex(where: { $0.kind.isBad }) else {
            return measure == .rate && found.contains(where: { $0.kind.handles }) ? .higherIsBetter : nil
        }
        let outcome = found[last]
        var first = last
        while first > 0, found[first - 1].kind.isBad, found[first - 1].end == found[first].start { first -= 1 }

        // Before the outcome: an aim stated from the front leaves the direction open.
        if first > 0 {
            let before = found[first - 1]
            if found[first].start - before.end <= 4 {
                switch before.kind {
                case .prevention, .reduction: return nil
                case .remedy where found[first].kind != .lateness: return nil
                default: break
                }
            }
        }
        // After the outcome: is it handled?
        let handled = found[(last + 1)...].contains { word in
            word.kind.handles && !(outcome.kind == .lateness && word.start == outcome.end)
        }
        switch measure {
        case .rate, .count: return handled ? .higherIsBetter : .lowerIsBetter
        case .duration: return handled ? nil : .lowerIsBetter
        case .none: return !handled && outcome.end == text.count ? .lowerIsBetter : nil
        }
    }

    /// The name without spaces, in half-width forms, without a trailing unit in brackets or punctuation
    /// ("事故发生率（%）" → "事故发生率").
    static func normalized(_ name: String) -> [Unicode.Scalar] {
        var text = Array(TextNormalization.halfWidth(name).unicodeScalars.filter { !TextNormalization.isSpace($0) })
        while let end = text.last {
            if end == ")", let open = text.lastIndex(of: "(") { text.removeSubrange(open...) }
            else if ":;,.。、".unicodeScalars.contains(end) { text.removeLast() }
            else { break }
        }
        return text
    }

    /// 未整改, 不及时, 无响应: a negation or an absence right before a good or handling word is a bad outcome.
    static func joiningNegations(_ found: [FoundWord<NameWord>]) -> [FoundWord<NameWord>] {
        var result: [FoundWord<NameWord>] = []
        for word in found {
            if word.kind.handles, let previous = result.last, previous.kind == .negation || previous.kind == .prevention,
               previous.end == word.start {
                result[result.count - 1] = FoundWord(kind: .badOutcome, start: previous.start, end: word.end)
            } else {
                result.append(word)
            }
        }
        return result
    }

    static func measure(of text: [Unicode.Scalar]) -> Measure {
        for (measure, endings) in measureEndings where endings.contains(where: { text.count >= $0.count && text.suffix($0.count).elementsEqual($0) }) {
            return measure
        }
        return .none
    }
}
