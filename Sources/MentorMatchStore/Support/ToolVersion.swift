/// The version of MentorMatch recorded with every run.
public enum ToolVersion {
    public static let current = "0.12.0-dev"
}
