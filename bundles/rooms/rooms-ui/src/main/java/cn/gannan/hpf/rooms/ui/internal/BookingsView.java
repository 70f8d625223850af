package cn.gannan.hpf.rooms.ui.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.DataProvider;
import com.vaadin.icons.VaadinIcons;
import com.vaadin.shared.ui.datefield.DateTimeResolution;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.DateTimeField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

import cn.gannan.hpf.core.api.Office;
import cn.gannan.hpf.core.api.OfficeService;
import cn.gannan.hpf.rooms.api.Booking;
import cn.gannan.hpf.rooms.api.BookingDraft;
import cn.gannan.hpf.rooms.api.BookingQuery;
import cn.gannan.hpf.rooms.api.BookingService;
import cn.gannan.hpf.rooms.api.BookingStatus;
import cn.gannan.hpf.rooms.api.Room;
import cn.gannan.hpf.rooms.api.RoomBookingService;
import cn.gannan.hpf.rooms.api.RoomService;
import cn.gannan.hpf.rooms.api.UsageDraft;
import cn.gannan.hpf.rooms.api.UsageEntry;
import cn.gannan.hpf.shell.api.ShellConstants;
import cn.gannan.hpf.shell.api.ViewContext;
import cn.gannan.hpf.shell.api.ViewContribution;

/** 预约与使用台账: bookings (list by day range, new, cancel) and the usage log. */
@Component(service = ViewContribution.class, property = {
        ShellConstants.ID + "=rooms-bookings",
        ShellConstants.TITLE + "=bookings.title",
        ShellConstants.ICON + "=CALENDAR_CLOCK",
        ShellConstants.CATEGORY + "=" + ShellConstants.CATEGORY_PARTY,
        ShellConstants.ORDER + ":Integer=41" })
public class BookingsView implements ViewContribution, RoomsContribution {

    @Reference
    private BookingService bookings;
    @Reference
    private RoomBookingService contract;
    @Reference
    private OfficeService offices;
    @Reference
    private RoomService rooms;

    @Override
    public com.vaadin.ui.Component createView(ViewContext context, String parameters) {
        return new Page(new UiSupport(context), bookings, contract, offices, rooms);
    }

    /** The view of one UI. */
    static final class Page extends VerticalLayout {

        private static final long serialVersionUID = 1L;
        private final transient UiSupport s;
        private final transient BookingService bookings;
        private final transient RoomBookingService contract;
        private final transient OfficeService offices;
        private final transient RoomService rooms;
        private final ComboBox<Office> office;
        private final DateField from = new DateField();
        private final DateField to = new DateField();
        private final ComboBox<BookingStatus> status = new ComboBox<>();
        private final TextField text = new TextField();
        private final Grid<Booking> grid = new Grid<>();
        private final Grid<UsageEntry> usage = new Grid<>();
        private final ConfigurableFilterDataProvider<Booking, Void, BookingQuery> provider;
        private final ConfigurableFilterDataProvider<UsageEntry, Void, BookingQuery> usageProvider;

        Page(UiSupport s, BookingService bookings, RoomBookingService contract, OfficeService offices, RoomService rooms) {
            this.s = s;
            this.rooms = rooms;
            this.bookings = bookings;
            this.contract = contract;
            this.offices = offices;
            setId("rooms-bookings");
            setWidth("100%");
            office = s.officeFilter(offices, "bookings-filter-office");
            from.setCaption(s.t("filter.from"));
            from.setDateFormat("yyyy-MM-dd");
            from.setValue(LocalDate.now(UiSupport.ZONE));
            from.setId("bookings-filter-from");
            to.setCaption(s.t("filter.to"));
            to.setDateFormat("yyyy-MM-dd");
            to.setValue(LocalDate.now(UiSupport.ZONE).plusDays(30));
            to.setId("bookings-filter-to");
            status.setCaption(s.t("field.status"));
            status.setItems(BookingStatus.values());
            status.setItemCaptionGenerator(s::label);
            status.setValue(BookingStatus.BOOKED);
            text.setCaption(s.t("filter.text"));
            text.setId("bookings-filter-text");
            com.vaadin.ui.HorizontalLayout filters = UiSupport.row(from, to, status, text);
            if (office != null) {
                filters.addComponentAsFirst(office);
                office.addValueChangeListener(e -> refresh());
            }
            from.addValueChangeListener(e -> refresh());
            to.addValueChangeListener(e -> refresh());
            status.addValueChangeListener(e -> refresh());
            text.addValueChangeListener(e -> refresh());

            provider = UiSupport.paged(null, (f, p) -> bookings.find(s.caller(), f, p));
            grid.setId("bookings-grid");
            grid.setWidth("100%");
            grid.setHeightByRows(10);
            grid.addColumn(b -> UiSupport.time(b.startsAt())).setCaption(s.t("field.start"));
            grid.addColumn(b -> UiSupport.time(b.endsAt())).setCaption(s.t("field.end"));
            grid.addColumn(Booking::purpose).setCaption(s.t("field.purpose"));
            grid.addColumn(Booking::organizer).setCaption(s.t("field.organizer"));
            grid.addColumn(b -> s.label(b.status())).setCaption(s.t("field.status"));
            grid.addColumn(b -> b.externalRef() == null ? "" : b.externalRef()).setCaption(s.t("field.externalRef"));
            if (office != null) {
                grid.addColumn(b -> s.officeName(offices, b.officeCode())).setCaption(s.t("field.office"));
            }
            grid.setDataProvider(provider);

            Button add = new Button(s.t("bookings.new"), VaadinIcons.PLUS);
            add.setId("bookings-new");
            add.addStyleName(ValoTheme.BUTTON_PRIMARY);
            add.addClickListener(e -> openBooking());
            Button cancel = new Button(s.t("bookings.cancel"), VaadinIcons.BAN);
            cancel.setId("bookings-cancel");
            cancel.setEnabled(false);
            grid.addSelectionListener(e -> cancel.setEnabled(e.getFirstSelectedItem()
                    .map(b -> b.status() == BookingStatus.BOOKED).orElse(false)));
            cancel.addClickListener(e -> selected().ifPresent(this::confirmCancel));
            VerticalLayout bookingTab = new VerticalLayout(filters, UiSupport.row(add, cancel), grid,
                    UiSupport.empty("bookings-hint", s.t("bookings.hint")));

            usageProvider = UiSupport.paged(null, (f, p) -> bookings.usage(s.caller(), f, p));
            usage.setId("usage-grid");
            usage.setWidth("100%");
            usage.setHeightByRows(10);
            usage.addColumn(u -> UiSupport.time(u.startsAt())).setCaption(s.t("field.start"));
            usage.addColumn(u -> UiSupport.time(u.endsAt())).setCaption(s.t("field.end"));
            usage.addColumn(u -> UiSupport.number(Math.round(u.hours() * 100) / 100.0)).setCaption(s.t("field.hours"));
            usage.addColumn(UsageEntry::purpose).setCaption(s.t("field.purpose"));
            usage.addColumn(UsageEntry::usedBy).setCaption(s.t("field.usedBy"));
            usage.addColumn(u -> u.participants() == null ? "" : String.valueOf(u.participants()))
                    .setCaption(s.t("field.participants"));
            if (office != null) {
                usage.addColumn(u -> s.officeName(offices, u.officeCode())).setCaption(s.t("field.office"));
            }
            usage.setDataProvider(usageProvider);
            usageProvider.setFilter(new BookingQuery(null, null, null, null, null, null));
            Button log = new Button(s.t("usage.new"), VaadinIcons.PLUS);
            log.setId("usage-new");
            log.addClickListener(e -> openUsage());
            VerticalLayout usageTab = new VerticalLayout(UiSupport.row(log), usage);

            TabSheet tabs = new TabSheet();
            tabs.addTab(bookingTab, s.t("tab.bookings")).setId("tab-bookings");
            tabs.addTab(usageTab, s.t("tab.usage")).setId("tab-usage");
            addComponents(UiSupport.title(s.t("bookings.title")), tabs);
            refresh();
        }

        private Optional<Booking> selected() {
            return grid.getSelectedItems().stream().findFirst();
        }

        private void refresh() {
            provider.setFilter(new BookingQuery(office == null ? null : UiSupport.code(office.getSelectedItem()), null,
                    from.getValue() == null ? null : from.getValue().atStartOfDay(UiSupport.ZONE).toInstant(),
                    to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(UiSupport.ZONE).toInstant(),
                    status.getValue(), UiSupport.blankToNull(text.getValue())));
        }

        private Optional<Room> myRoom(String officeCode) {
            List<Room> r = contract.bookableRooms(s.caller(), officeCode);
            return r.stream().findFirst();
        }

        private DateTimeField timeField(String key, String id, LocalDateTime value) {
            DateTimeField f = new DateTimeField(s.t(key), value);
            f.setDateFormat("yyyy-MM-dd HH:mm");
            f.setResolution(DateTimeResolution.MINUTE);
            f.setId(id);
            return f;
        }

        private void openBooking() {
            ComboBox<Office> site = s.officeBox(offices, s.t("field.office"));
            site.setEmptySelectionAllowed(false);
            site.setValue(offices.find(s.caller().officeCode()).orElse(null));
            site.setEnabled(s.caller().writesAllOffices());
            LocalDateTime start = LocalDate.now(UiSupport.ZONE).plusDays(1).atTime(LocalTime.of(9, 0));
            DateTimeField startField = timeField("field.start", "booking-start", start);
            DateTimeField endField = timeField("field.end", "booking-end", start.plusHours(1));
            TextField purpose = new TextField(s.t("field.purpose"));
            purpose.setId("booking-purpose");
            purpose.setWidth("320px");
            TextField organizer = new TextField(s.t("field.organizer"), s.caller().displayName());
            organizer.setId("booking-organizer");
            Button save = new Button(s.t("bookings.book"));
            save.setId("booking-save");
            save.addStyleName(ValoTheme.BUTTON_PRIMARY);
            Button cancel = new Button(s.t("action.cancel"));
            FormLayout form = new FormLayout(site, startField, endField, purpose, organizer, UiSupport.row(save, cancel));
            form.setMargin(true);
            Window w = s.dialog(s.t("bookings.new"), form);
            cancel.addClickListener(e -> w.close());
            save.addClickListener(e -> {
                Optional<Room> room = site.getValue() == null ? Optional.empty() : myRoom(site.getValue().code());
                if (room.isEmpty()) {
                    s.ctx().showError(new cn.gannan.hpf.core.api.ValidationException(
                            cn.gannan.hpf.core.api.Msg.core("error.field.invalid")));
                    site.setComponentError(new com.vaadin.server.UserError(s.t("bookings.noRoom")));
                    return;
                }
                if (s.save(() -> bookings.book(s.caller(), new BookingDraft(room.get().id(),
                        UiSupport.instant(startField.getValue()), UiSupport.instant(endField.getValue()), purpose.getValue(),
                        organizer.getValue(), null)), Map.of("startsAt", startField, "endsAt", endField, "purpose", purpose,
                                "organizer", organizer))) {
                    w.close();
                    s.ctx().notifySuccess(s.t("bookings.booked"));
                    provider.refreshAll();
                }
            });
        }

        private void confirmCancel(Booking b) {
            TextField reason = new TextField(s.t("bookings.reason"));
            reason.setId("booking-cancel-reason");
            reason.setWidth("320px");
            Button yes = new Button(s.t("bookings.cancel"));
            yes.setId("booking-cancel-yes");
            yes.addStyleName(ValoTheme.BUTTON_DANGER);
            Button no = new Button(s.t("action.back"));
            VerticalLayout body = new VerticalLayout(new com.vaadin.ui.Label(s.t("bookings.cancelConfirm", b.purpose(),
                    UiSupport.time(b.startsAt()))), reason, UiSupport.row(yes, no));
            Window w = s.dialog(s.t("bookings.cancel"), body);
            no.addClickListener(e -> w.close());
            yes.addClickListener(e -> {
                if (s.save(() -> bookings.cancel(s.caller(), b.id(), b.meta().version(), reason.getValue()),
                        Map.of("reason", reason))) {
                    w.close();
                    s.ctx().notifySuccess(s.t("msg.saved"));
                    provider.refreshAll();
                }
            });
        }

        private void openUsage() {
            ComboBox<Office> site = s.officeBox(offices, s.t("field.office"));
            site.setEmptySelectionAllowed(false);
            site.setValue(offices.find(s.caller().officeCode()).orElse(null));
            site.setEnabled(s.caller().writesAllOffices());
            LocalDateTime start = LocalDate.now(UiSupport.ZONE).atTime(LocalTime.of(9, 0));
            DateTimeField startField = timeField("field.start", "usage-start", start);
            DateTimeField endField = timeField("field.end", "usage-end", start.plusHours(1));
            TextField purpose = new TextField(s.t("field.purpose"));
            purpose.setId("usage-purpose");
            TextField usedBy = new TextField(s.t("field.usedBy"), s.caller().displayName());
            usedBy.setId("usage-usedby");
            TextField participants = new TextField(s.t("field.participants"));
            Button save = new Button(s.t("action.save"));
            save.setId("usage-save");
            save.addStyleName(ValoTheme.BUTTON_PRIMARY);
            Button cancel = new Button(s.t("action.cancel"));
            FormLayout form = new FormLayout(site, startField, endField, purpose, usedBy, participants,
                    UiSupport.row(save, cancel));
            form.setMargin(true);
            Window w = s.dialog(s.t("usage.new"), form);
            cancel.addClickListener(e -> w.close());
            save.addClickListener(e -> {
                Optional<Room> room = site.getValue() == null ? Optional.empty()
                        : rooms.roomOfOffice(s.caller(), site.getValue().code());
                if (room.isEmpty()) {
                    site.setComponentError(new com.vaadin.server.UserError(s.t("bookings.noRoom")));
                    return;
                }
                Map<String, cn.gannan.hpf.core.api.Msg> errors = new java.util.LinkedHashMap<>();
                Integer n = RoomForm.integer(participants.getValue(), "participants", errors);
                if (!errors.isEmpty()) {
                    participants.setComponentError(new com.vaadin.server.UserError(s.t("validation.number")));
                    return;
                }
                if (s.save(() -> bookings.recordUsage(s.caller(), new UsageDraft(room.get().id(),
                        UiSupport.instant(startField.getValue()), UiSupport.instant(endField.getValue()), purpose.getValue(),
                        usedBy.getValue(), n, null)), Map.of("startsAt", startField, "endsAt", endField, "purpose", purpose,
                                "usedBy", usedBy, "participants", participants))) {
                    w.close();
                    s.ctx().notifySuccess(s.t("msg.saved"));
                    usageProvider.refreshAll();
                }
            });
        }
    }
}
