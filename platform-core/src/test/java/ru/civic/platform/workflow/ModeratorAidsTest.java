package ru.civic.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.ModeratorAids;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.moderation.FlagKind;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * The moderator sees possible duplicates (similar text, same tenant, nearby, still in processing) and flagged words
 * and personal data; nothing is refused automatically.
 */
@SpringBootTest
class ModeratorAidsTest extends LifecycleTestSupport {

    private static final TenantId ZARECHNY = TenantId.of("zarechny");
    private static final TenantId TOMSK = TenantId.of("tomsk");

    @Autowired
    ModeratorAids aids;

    @Test
    @WithMockUser(roles = "MODERATOR")
    void showsNearbySimilarMessageAsPossibleDuplicateButNotDistantOrOtherTenantOnes() {
        Actor first = account(ZARECHNY, "dup-first", null);
        Actor second = account(ZARECHNY, "dup-second", null);
        Actor far = account(ZARECHNY, "dup-far", null);
        Actor tomsk = account(TOMSK, "dup-tomsk", null);
        String text = "Во дворе дома 14 по улице Конституции " + marker + " неделю не вывозят мусор из контейнеров";
        Instant yesterday = Instant.now().minusSeconds(86_400);
        Receipt original = submit(ZARECHNY, first, text, "garbage", place(53.1960, 45.1700, null), yesterday, false,
                List.of());
        Receipt distant = submit(ZARECHNY, far, text, "garbage", place(53.2500, 45.1700, null), yesterday, false,
                List.of());
        submit(TOMSK, tomsk, text, "potholes", place(53.1961, 45.1701, null), null, false, List.of());
        Receipt repeat = submit(ZARECHNY, second,
                "Во дворе дома 14 по улице Конституции " + marker + " уже неделю не вывозят мусор! Звоните 8 912 345-67-89",
                "garbage", place(53.1965, 45.1702, null), yesterday, false, List.of());

        ModeratorAids.Aids result = TenantContext.callAs(ZARECHNY, () -> aids.forMessage(repeat.number()));

        assertThat(result.duplicates()).extracting(ModeratorAids.DuplicateCandidate::number)
                .contains(original.number())
                .doesNotContain(distant.number(), repeat.number());
        assertThat(result.duplicates()).allSatisfy(d -> assertThat(d.distanceMeters()).isLessThanOrEqualTo(300));
        assertThat(result.flags()).extracting(f -> f.kind()).contains(FlagKind.PHONE);
        assertThat(result.flags()).allSatisfy(f -> assertThat(f.masked()).doesNotContain("345-67"));
        assertThat(view(ZARECHNY, repeat.number(), second).status().name()).isEqualTo("MODERATION");
    }

    @Test
    @WithMockUser(roles = "CITIZEN")
    void citizensDoNotSeeModeratorAids() {
        Actor author = account(ZARECHNY, "dup-citizen", null);
        Receipt receipt = submit(ZARECHNY, author, "Не горит фонарь у подъезда", "lighting",
                place(53.19, 45.17, null), Instant.now().minusSeconds(3600), false, List.of());

        assertThatThrownBy(() -> TenantContext.callAs(ZARECHNY, () -> aids.forMessage(receipt.number())))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
