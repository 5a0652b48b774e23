package ru.civic.platform.workflow;

/**
 * The actor may not take this action on this message now: wrong role, not the assignee, not the author, another
 * organisation's or category's message, or the action does not exist at the message's stage. Checked on the server whatever the UI shows.
 */
public class ActionDeniedException extends RuntimeException {

    public enum Why { NOT_AT_THIS_STAGE, ROLE, NOT_ASSIGNEE, NOT_AUTHOR, NOT_AVAILABLE, OTHER_ORGANISATION,
        OTHER_CATEGORY }

    private final Why why;

    public ActionDeniedException(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
