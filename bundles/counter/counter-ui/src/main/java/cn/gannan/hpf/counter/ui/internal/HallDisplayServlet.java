package cn.gannan.hpf.counter.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.counter.api.QueueService;
import cn.gannan.hpf.counter.api.Records.HallBoard;
import cn.gannan.hpf.counter.api.Records.HallQueue;
import cn.gannan.hpf.counter.api.Records.HallWindow;
import cn.gannan.hpf.counter.api.TicketStatus;

/**
 * The hall display ({@code /hall}, optionally {@code ?office=GN03}): large text, the current number
 * at each window and the queue lengths, refreshed every 5 seconds. Public on purpose: it runs on a
 * screen in the hall that should hold no credentials, and it shows no personal data (numbers and
 * window names only, from {@link QueueService#hallBoard}). Plain HTML, no Vaadin session per screen.
 */
@Component(service = Servlet.class, property = {
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/hall",
    HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=hpf-counter-hall"})
public class HallDisplayServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Reference
    private transient QueueService queue;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String office = req.getParameter("office");
        if (office != null && !office.matches("[A-Z]{2}[0-9]{2}")) {
            resp.sendError(400, "office");
            return;
        }
        HallBoard board;
        try {
            board = queue.hallBoard(office);
        } catch (HpfException e) {
            resp.sendError(404, e.localized(cn.gannan.hpf.core.api.Msg.ZH_CN));
            return;
        }
        resp.setContentType("text/html; charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(render(board).getBytes(StandardCharsets.UTF_8));
    }

    static String render(HallBoard b) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><meta http-equiv=\"refresh\" content=\"5\">")
                .append("<title>").append(esc(b.officeName())).append(" 服务大厅</title><style>")
                .append("body{margin:0;background:#0b2e59;color:#fff;font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif}")
                .append("h1{font-size:4vw;text-align:center;margin:2vh 0}table{width:96%;margin:0 2%;border-collapse:collapse}")
                .append("td,th{font-size:3.4vw;padding:1.2vh 1vw;border-bottom:2px solid #2d5a8c;text-align:center}")
                .append(".no{color:#ffd84d;font-weight:bold;font-size:5vw}.called{animation:blink 1s 3}")
                .append("@keyframes blink{50%{opacity:.2}}.q{font-size:2.2vw;text-align:center;margin-top:3vh;color:#cfe3ff}")
                .append("</style></head><body><h1 id=\"hall-title\">").append(esc(b.officeName())).append(" · 服务大厅 ")
                .append(CLOCK.format(b.at().atZone(ZoneId.of("Asia/Shanghai")))).append("</h1><table id=\"hall-windows\"><tr><th>窗口 Window</th>")
                .append("<th>当前号 Now serving</th></tr>");
        for (HallWindow w : b.windows()) {
            sb.append("<tr><td>").append(w.number()).append(" 号 ").append(esc(w.name())).append("</td><td class=\"no")
                    .append(w.status() == TicketStatus.CALLED ? " called" : "").append("\" id=\"hall-window-").append(w.number())
                    .append("\">").append(w.ticketNumber() == null ? "—" : esc(w.ticketNumber())).append("</td></tr>");
        }
        if (b.windows().isEmpty()) {
            sb.append("<tr><td colspan=\"2\">暂无开放窗口 No window open</td></tr>");
        }
        sb.append("</table><div class=\"q\" id=\"hall-queues\">");
        for (HallQueue q : b.queues()) {
            if (q.waiting() > 0) {
                sb.append(esc(q.name())).append(" 等候 ").append(q.waiting()).append(" 人 · ");
            }
        }
        return sb.append("请留意叫号，过号请到综合窗口重新取号</div></body></html>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
