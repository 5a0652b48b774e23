package ru.civic.platform.message;

/** No message with this number in the current tenant (or not visible to the caller: the same answer, on purpose). */
public class MessageNotFoundException extends RuntimeException {

    public MessageNotFoundException(String number) {
        super("No message " + number);
    }
}
