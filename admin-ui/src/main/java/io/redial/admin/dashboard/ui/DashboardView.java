package io.redial.admin.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.admin.MainLayout;
import io.redial.admin.simulator.ui.SimulatorNavigation;
import io.redial.shared.twilio.TwilioAccount;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.insights.Insights;
import io.redial.tenants.Onboarding;
import io.redial.tenants.Tenant;
import io.redial.tenants.Tenants;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What Redial recovered over the last 30 days: missed calls and how many got a text, how fast, who replied, the
 * jobs booked and their estimated value per trade, and emergencies with how fast someone acknowledged them.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class) // where a signed-in owner lands: what Redial recovered
@PageTitle("Dashboard · Redial")
@PermitAll
class DashboardView extends VerticalLayout {

    static final int DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");

    final Div tiles = new Div();
    final Grid<Insights.TradeJobs> trades = new Grid<>();
    final BarChart byDay = new BarChart("by-day", "Missed calls per day, texted part highlighted");
    final BarChart byHour = new BarChart("by-hour", "Missed calls per hour of day, texted part highlighted");
    final Insights.@Nullable Summary summary;

    final Div firstSteps = new Div();

    DashboardView(Insights insights, Onboarding onboarding, Tenants tenants, TenantScope scope, TwilioAccount twilio) {
        Tenant tenant = scope.tenant().orElse(null);
        if (tenant == null) { // a platform admin before any contractor exists
            summary = null;
            add(new H2("No contractor yet"), new Paragraph("Contractors arrive from a provisioning file "
                    + "(REDIAL_PROVISIONING_FILE) or when they install Redial from their CRM's marketplace."));
            return;
        }
        summary = insights.lastDays(tenant.id(), tenant.zone(), DAYS);
        setMaxWidth("72rem");
        add(new H2("Last " + DAYS + " days"));
        boolean mayConfigure = scope.user().map(u -> !u.hasRole(ConsoleUser.OFFICE)).orElse(false);
        // Offered to a tenant that left the setup mid-way, or has no line yet; provisioned tenants come set up.
        if (mayConfigure && (onboarding.inProgress(tenant.id())
                || (tenants.lines(tenant.id()).isEmpty() && onboarding.pending(tenant.id())))) {
            Div banner = new Div(new Span("Setup isn't finished yet. "), new RouterLink("Continue the guided setup →",
                    io.redial.admin.onboarding.ui.OnboardingNavigation.view()));
            banner.setId("setup-banner");
            banner.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Background.PRIMARY_10, LumoUtility.BorderRadius.MEDIUM);
            add(banner);
        }
        add(io.redial.admin.lines.ui.LineHealth.create().forDashboard()); // lines that cannot text, delivery per line
        if (summary.missedCalls() == 0) {
            showFirstSteps(twilio.sandbox(), mayConfigure, onboarding.pending(tenant.id()));
            add(firstSteps);
        }
        showTiles();
        configureTrades();
        byDay.show(summary.byDay().stream().map(d -> new BarChart.Bar(
                d.day().getDayOfMonth() % 5 == 0 ? DAY.format(d.day()) : "", d.missed(), d.texted(),
                DAY.format(d.day()) + ": " + d.missed() + " missed, " + d.texted() + " texted, " + d.booked() + " booked"))
                .toList());
        byHour.show(summary.byHour().stream().map(h -> new BarChart.Bar(h.hour() % 3 == 0 ? h.hour() + "h" : "",
                h.missed(), h.texted(), h.hour() + ":00–" + h.hour() + ":59: " + h.missed() + " missed, "
                + h.texted() + " texted")).toList());
        Div charts = new Div(card("Missed calls by day", byDay), card("Missed calls by hour of day", byHour));
        charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(22rem, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        Span legend = new Span("Bars: missed calls; the coloured part was texted back. Hover a bar for its figures.");
        legend.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL);
        add(tiles, charts, legend, new H3("Booked jobs by trade"), summary.booked().isEmpty()
                ? new Paragraph("No booked jobs in these " + DAYS + " days yet.") : trades);
    }

    /** An empty dashboard says where to start instead of showing thirty days of zeros first. */
    private void showFirstSteps(boolean sandbox, boolean mayConfigure, boolean setupPending) {
        firstSteps.setId("first-steps");
        firstSteps.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Background.PRIMARY_10,
                LumoUtility.BorderRadius.LARGE, LumoUtility.Width.FULL, LumoUtility.BoxSizing.BORDER);
        H3 heading = new H3("No missed calls yet. Here is where to start:");
        heading.addClassNames(LumoUtility.Margin.Top.NONE);
        Div steps = new Div();
        steps.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        if (mayConfigure && setupPending) {
            steps.add(step(new RouterLink("Finish the setup", io.redial.admin.onboarding.ui.OnboardingNavigation.view()),
                    ": your hours, your line and the first text a missed caller gets."));
        }
        if (sandbox) {
            steps.add(step(new RouterLink("Place a call in the Simulator", SimulatorNavigation.view()),
                    ": let it ring out, watch the text arrive, and reply as the caller to talk with Anna."));
        } else {
            steps.add(step(new Span("Call your business number from your own phone and let it ring out"),
                    ": the text-back arrives within seconds and the call shows here."));
        }
        steps.add(step(new RouterLink("Open Leads", io.redial.admin.leads.ui.LeadsNavigation.view()),
                ": every missed call becomes a lead, with what Anna learned and the booked time."));
        firstSteps.add(heading, steps);
    }

    private static Div step(com.vaadin.flow.component.Component action, String why) {
        return new Div(action, new Span(why));
    }

    private static Div card(String title, BarChart chart) {
        H3 heading = new H3(title);
        heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Top.NONE);
        Div card = new Div(heading, chart);
        card.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.LARGE);
        return card;
    }

    private void showTiles() {
        tiles.setId("tiles");
        tiles.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(9rem, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        tiles.add(tile("missed", "Missed calls", String.valueOf(summary.missedCalls()), null),
                tile("texted", "Texted back", percent(summary.textedShare()), summary.texted() + " of " + summary.missedCalls()),
                tile("time-to-text", "Time to text", duration(summary.medianTimeToText()),
                        "median · p95 " + duration(summary.p95TimeToText())),
                tile("replies", "Replies", String.valueOf(summary.replies()), "callers who texted back"),
                tile("booked", "Booked jobs", String.valueOf(summary.bookedJobs()), summary.bookedJobs() > 0
                        && summary.booked().stream().allMatch(t -> t.averageValue() == null)
                        ? "value unknown: no job values set" : "est. " + money(summary.estimatedValue())),
                tile("emergencies", "Emergencies", String.valueOf(summary.emergencies()),
                        summary.acknowledged() + " acknowledged · median " + duration(summary.medianAcknowledgement())));
    }

    private static Div tile(String id, String label, String value, @Nullable String detail) {
        Span big = new Span(value);
        big.addClassNames(LumoUtility.FontSize.XXXLARGE, LumoUtility.FontWeight.SEMIBOLD, "value");
        Span name = new Span(label);
        name.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div tile = new Div(name, big);
        if (detail != null) {
            Span more = new Span(detail);
            more.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL, "detail");
            tile.add(more);
        }
        tile.setId("tile-" + id);
        tile.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.LARGE);
        return tile;
    }

    private void configureTrades() {
        trades.setId("trades");
        trades.setAllRowsVisible(true);
        trades.addColumn(Insights.TradeJobs::trade).setHeader("Trade");
        trades.addColumn(Insights.TradeJobs::jobs).setHeader("Booked jobs");
        trades.addColumn(t -> t.averageValue() == null ? "not set" : money(t.averageValue())).setHeader("Per job");
        trades.addColumn(t -> t.estimatedValue() == null ? "—" : money(t.estimatedValue())).setHeader("Estimated value");
        trades.setItems(summary.booked());
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setMaximumFractionDigits(0);
        return format.format(amount);
    }

    /** "4.2 s", "3 min 5 s"; a dash when there is nothing to measure. */
    static String duration(@Nullable Duration d) {
        if (d == null) {
            return "—";
        }
        if (d.toSeconds() < 60) {
            return String.format(Locale.US, "%.1f s", d.toMillis() / 1000.0);
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}
