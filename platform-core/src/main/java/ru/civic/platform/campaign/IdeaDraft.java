package ru.civic.platform.campaign;

/** What a resident writes for a campaign. */
public record IdeaDraft(String title, String text) {
}
