package ru.civic.admin.shell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

import ru.civic.platform.tenancy.TenantConfiguration;

/**
 * A back-office view that belongs to a section of the portal the tenant may not run ({@code features} of its
 * configuration): {@link AdminLayout} leaves it out of the menu and answers "not found" where the section is off.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TenantFeature {

    Feature value();

    enum Feature {
        CAMPAIGNS(f -> f.campaigns()), POLLS(f -> f.polls()), SHOP(f -> f.shop()), IDEAS(f -> f.ideas());

        private final Predicate<TenantConfiguration.Features> on;

        Feature(Predicate<TenantConfiguration.Features> on) {
            this.on = on;
        }

        /** Whether the tenant runs this section; a view without the annotation is always there. */
        public static boolean enabled(Class<?> view, TenantConfiguration tenant) {
            TenantFeature feature = view == null ? null : view.getAnnotation(TenantFeature.class);
            return feature == null || tenant == null || feature.value().on.test(tenant.features());
        }
    }
}
