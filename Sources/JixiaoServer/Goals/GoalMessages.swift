import JixiaoDomain

/// Localized words for the goal domain's enums, errors and findings.
extension GoalState {
    var title: TextKey {
        switch self {
        case .draft: .stateDraft
        case .submitted: .stateSubmitted
        case .departmentApproved: .stateDepartmentApproved
        case .returned: .stateReturned
        case .approved: .stateApproved
        case .rejected: .stateRejected
        case .released: .stateReleased
        case .superseded: .stateSuperseded
        }
    }
}

extension GoalValidationError {
    var message: Message {
        switch self {
        case .missingAnnualGoal: Message(.validationMissingAnnualGoal)
        case .missingCategory(let category): Message(.validationMissingCategory(category.titleKey))
        case .subcategoryOutsideCategory: Message(.validationSubcategory)
        case .missingName: Message(.validationMissingName)
        case .unreadableTarget(_, let error): error.message
        case .missingUnit: Message(.validationMissingUnit)
        case .percentageOutOfRange: Message(.validationPercentage)
        case .missingWeight: Message(.validationMissingWeight)
        case .weightsDoNotSum(let expected, let actual): Message(.validationWeights("\(expected)", "\(actual)"))
        case .duplicateName(_, let first): Message(.validationDuplicateName(String(first + 1)))
        case .costWithAtLeast: Message(.validationCostAtLeast)
        case .inputAsOutput: Message(.validationInputAsOutput)
        }
    }
}

extension RegionalGoalError {
    /// The message; a problem of one region's indicator names the row within that region.
    var message: Message {
        switch self {
        case .noRegions: Message(.regionalErrorNoRegions)
        case .missingRecipient: Message(.regionalErrorMissingRecipient)
        case .duplicateRecipient(_, let first): Message(.regionalErrorDuplicateRecipient(String(first + 1)))
        case .allocationNotPositive: Message(.regionalErrorAllocation)
        case .allocationsExceedAmount(let total, let available): Message(.regionalErrorExceeds(total.wanYuanText, available.wanYuanText))
        case .missingAnnualGoal: Message(.regionalErrorMissingGoal)
        case .noIndicators: Message(.regionalErrorNoIndicators)
        case .indicator(_, let problem): problem.message
        }
    }

    /// The indicator row within the region a problem belongs to.
    var indicatorIndex: Int? {
        if case .indicator(_, let problem) = self { return problem.index }
        return nil
    }
}

extension TargetParseError {
    var message: Message {
        switch self {
        case .empty: Message(.targetEmpty)
        case .missingOperator(let value): Message(.targetMissingOperator(value))
        case .notANumber(let text): Message(.targetNotANumber(text))
        case .missingValue: Message(.targetMissingValue)
        case .invalidDate(let text): Message(.targetInvalidDate(text))
        case .invalidUnit(let text): Message(.targetInvalidUnit(text))
        case .deadlineNeedsAtMost(let text): Message(.targetDeadlineOperator(text))
        }
    }
}

extension LintFinding {
    var message: Message {
        let key: TextKey = switch rule {
        case .vagueWording: .lintVague
        case .effectLooksLikeOutput: .lintEffectLooksLikeOutput
        case .satisfactionOnlyEffect: .lintSatisfactionOnlyEffect
        case .directionContradictsName: .lintDirection
        case .costExceedsRequest: .lintCostExceedsRequest
        case .duplicateIndicator: .lintDuplicate
        case .outsideHistoryBand: .lintOutsideHistory
        case .belowLastYearActual: .lintBelowLastYear
        case .equalsLastYearActual: .lintEqualsLastYear
        case .fewOutputIndicators: .lintFewOutputs
        case .noQualityOrTimeliness: .lintNoQualityOrTimeliness
        case .noSatisfactionForService: .lintNoSatisfaction
        case .qualitativeWeightTooHigh: .lintQualitativeWeight
        case .fullCoverageMismatch: .lintFullCoverage
        case .deadlineOutsideFiscalYear: .lintDeadlineOutsideYear
        }
        return Message(key, arguments: figures)
    }
}

extension Message {
    init(_ key: TextKey, arguments: [String]) { self.init(key, localized: []); self.arguments = arguments.map(Argument.text) }
}

/// The localized name of a workflow action as stored in the history ("submit", "finance_review" …).
enum GoalActionLabel {
    static func title(_ name: String) -> TextKey? {
        switch name {
        case "submit": .actionSubmit
        case "withdraw": .actionWithdraw
        case "department_approve": .actionDepartmentApprove
        case "department_return", "finance_return": .actionReturn
        case "finance_review": .actionFinanceReview
        case "release": .actionRelease
        case "request_adjustment": .actionRequestAdjustment
        default: nil
        }
    }
}
