public enum MentorMatchCommandPlaceholder {}
