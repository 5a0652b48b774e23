package ru.civic.portal.feed;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import ru.civic.platform.message.FeedPage;
import ru.civic.platform.message.FeedQuery;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.workflow.MessageTransitioned;

/**
 * The public feed's pages, each kept for a few seconds per tenant and query ({@code platform.portal.feed-cache-ttl},
 * 5 s by default; 0 turns it off).
 *
 * <p>Every anonymous page view of the feed asks for the same first page; without this each of them cost two queries
 * (the page and the count) and their mapping. A page is the same for every reader of a tenant (published messages
 * only, no reader-specific fields), so it is shared. What may lag by up to the lifetime: support counts and messages
 * that other instances of the cluster publish. What does not lag: a publication or status change made on this
 * instance, which forgets the tenant's pages once its transaction has committed. The counts themselves stay exact in
 * the database; only their display is cached. The tenant is part of the key, and the query runs in the reader's
 * tenant context (row-level security), so no page can reach another tenant.
 */
@Component
class FeedPages {

    /** Bounds the memory: distinct filter combinations and page numbers beyond this start the cache afresh. */
    static final int MAX_ENTRIES = 2_000;

    private record Key(String tenant, FeedQuery query) {
    }

    private record Entry(FeedPage page, long expiresAt) {
    }

    private record HtmlKey(String tenant, Locale locale, FeedPage page) {
    }

    private final MessageLookup lookup;
    private final long ttlNanos;
    private final ConcurrentHashMap<Key, Entry> pages = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<HtmlKey, String> html = new ConcurrentHashMap<>();

    @Autowired
    FeedPages(MessageLookup lookup, @Value("${platform.portal.feed-cache-ttl:5s}") Duration ttl) {
        this.lookup = lookup;
        this.ttlNanos = ttl.toNanos();
    }

    /** The page of the current tenant's feed, at most {@code ttl} old. */
    FeedPage feed(FeedQuery query) {
        if (ttlNanos <= 0) {
            return lookup.feed(query);
        }
        Key key = new Key(TenantContext.getRequiredTenantId().value(), query);
        long now = System.nanoTime();
        Entry cached = pages.get(key);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.page();
        }
        FeedPage page = lookup.feed(query);
        if (pages.size() >= MAX_ENTRIES) {
            pages.values().removeIf(e -> now - e.expiresAt() >= 0);
            if (pages.size() >= MAX_ENTRIES) {
                pages.clear();
            }
        }
        pages.put(key, new Entry(page, now + ttlNanos));
        return page;
    }

    /**
     * The page as HTML in the reader's language, rendered once and then shared: every reader of the same page holds
     * the same String in their session instead of a copy. Keyed by the page's content (a changed support count is a
     * new page), so it is never stale.
     */
    String html(FeedPage page, Locale locale, Function<FeedPage, String> render) {
        if (ttlNanos <= 0) {
            return render.apply(page);
        }
        HtmlKey key = new HtmlKey(TenantContext.getRequiredTenantId().value(), locale, page);
        String rendered = html.get(key);
        if (rendered == null) {
            rendered = render.apply(page);
            if (html.size() >= MAX_ENTRIES) {
                html.clear();
            }
            html.put(key, rendered);
        }
        return rendered;
    }

    /** A message was published, refused, answered, moved: the tenant's pages are read again from the database. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageTransitioned transition) {
        pages.keySet().removeIf(k -> k.tenant().equals(transition.tenantId()));
        html.keySet().removeIf(k -> k.tenant().equals(transition.tenantId()));
    }
}
