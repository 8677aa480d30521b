import JixiaoDomain

extension OrganizationKind {
    var title: TextKey {
        switch self {
        case .financeBureau: .kindFinanceBureau
        case .department: .kindDepartment
        case .unit: .kindUnit
        case .agency: .kindAgency
        }
    }
}

extension AdministrativeLevel {
    var title: TextKey {
        switch self {
        case .central: .levelCentral
        case .province: .levelProvince
        case .city: .levelCity
        case .county: .levelCounty
        case .township: .levelTownship
        }
    }
}
