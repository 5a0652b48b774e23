package ru.civic.platform.poll;

import java.util.UUID;

/** No such poll for this tenant, or not one the caller may see (a draft is not shown to the public). */
public class PollNotFoundException extends RuntimeException {

    public PollNotFoundException(UUID id) {
        super("No poll " + id);
    }
}
