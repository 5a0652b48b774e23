package ru.civic.platform.news;

import java.util.List;

/**
 * What a tenant's home page shows: maintenance that is announced or under way (soonest first, those under way
 * before those to come), then the newest news.
 */
public record HomeNews(List<NewsItem> maintenance, List<NewsItem> news) {

    public HomeNews {
        maintenance = List.copyOf(maintenance);
        news = List.copyOf(news);
    }
}
