package ru.civic.platform.message;

import java.util.List;

/** One page of the public feed and how many published messages match in all. */
public record FeedPage(List<FeedItem> items, long total, int page, int size) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
