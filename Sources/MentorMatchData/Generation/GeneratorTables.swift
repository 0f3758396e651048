/// The shape of a synthetic school: paths, zones, languages, names (not real people).
enum GeneratorTables {
    /// Diploma paths and their shares of students.
    static let paths: [(name: String, share: Double)] = [
        ("web-developer", 0.22), ("data-analyst", 0.15), ("app-developer", 0.12),
        ("project-manager", 0.10), ("digital-marketing", 0.10), ("frontend", 0.09),
        ("python-developer", 0.08), ("ux-designer", 0.08), ("cybersecurity", 0.06),
    ]

    /// A path a mentor of `path` often also covers.
    static let relatedPaths: [String: [String]] = [
        "web-developer": ["frontend", "app-developer"],
        "data-analyst": ["python-developer", "project-manager"],
        "app-developer": ["web-developer", "frontend"],
        "project-manager": ["digital-marketing", "ux-designer"],
        "digital-marketing": ["project-manager", "ux-designer"],
        "frontend": ["web-developer", "ux-designer"],
        "python-developer": ["data-analyst", "cybersecurity"],
        "ux-designer": ["frontend", "digital-marketing"],
        "cybersecurity": ["python-developer", "web-developer"],
    ]

    typealias Zones = [(zone: String, weight: Double)]

    static let frenchStudentZones: Zones = [
        ("Europe/Paris", 64), ("Africa/Dakar", 7), ("Africa/Abidjan", 6), ("Africa/Casablanca", 7),
        ("Africa/Algiers", 4), ("Africa/Tunis", 4), ("America/Montreal", 3), ("Indian/Reunion", 4),
        ("Europe/Brussels", 1),
    ]
    static let englishStudentZones: Zones = [
        ("Europe/Paris", 40), ("Asia/Kolkata", 25), ("America/Toronto", 15), ("Europe/London", 10),
        ("Africa/Abidjan", 5), ("Indian/Reunion", 5),
    ]
    static let mentorZones: Zones = [
        ("Europe/Paris", 80), ("Africa/Casablanca", 4), ("Africa/Dakar", 3), ("America/Montreal", 4),
        ("Indian/Reunion", 3), ("Africa/Tunis", 2), ("Asia/Kolkata", 2), ("Africa/Abidjan", 2),
    ]

    static let frenchFirstNames = [
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Julie", "Emma", "Clara", "Lucie",
        "Thomas", "Hugo", "Lucas", "Nathan", "Antoine", "Maxime", "Julien", "Nicolas", "Louis", "Théo",
        "Awa", "Fatou", "Aminata", "Moussa", "Mamadou", "Ibrahima", "Yasmine", "Karim", "Mehdi", "Nadia",
        "Sofiane", "Amine", "Salma", "Rania", "Youssef", "Kofi", "Aïcha", "Mariam", "Koffi", "Adama",
    ]
    static let frenchLastNames = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Mercier",
        "Diallo", "Ndiaye", "Diop", "Traoré", "Koné", "Ouattara", "Benali", "Haddad", "El Amrani", "Bensaïd",
        "Mansouri", "Cissé", "Sow", "Kouassi", "Payet", "Hoarau", "Tremblay", "Gagnon", "Côté", "Bouchard",
    ]
    static let englishFirstNames = [
        "Priya", "Ananya", "Rahul", "Arjun", "Emily", "Olivia", "James", "Daniel", "Sophie", "Grace",
        "Aarav", "Kavya", "Rohan", "Meera", "Liam", "Noah", "Chloe", "Ethan", "Isha", "Vikram",
    ]
    static let englishLastNames = [
        "Sharma", "Patel", "Iyer", "Nair", "Reddy", "Gupta", "Smith", "Brown", "Wilson", "Taylor",
        "Campbell", "MacDonald", "Singh", "Kumar", "Roberts", "Evans", "Walker", "Young", "Menon", "Das",
    ]

    static let reasonsForLowRatings: [(FeedbackReason, Double)] = [
        (.pedagogy, 40), (.availability, 25), (.communication, 20), (.expertise, 10), (.other, 5),
    ]
}
