// The local web chat: greets with the pack's topics at once, posts what the citizen types (or taps) and polls for the
// bot's replies. Text is always inserted with textContent, never as HTML.
(() => {
  const log = document.getElementById("log");
  const form = document.getElementById("ask");
  const input = document.getElementById("text");
  const session = sessionStorage.getItem("reformbot-session") || newId();
  sessionStorage.setItem("reformbot-session", session);
  let after = 0;

  function newId() {
    return crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function add(className) {
    const item = document.createElement("li");
    item.className = "bubble " + className;
    log.appendChild(item);
    return item;
  }

  function showMine(text) {
    add("me").textContent = text;
    log.scrollTop = log.scrollHeight;
  }

  // A reply's choices answer it once, so tapping one disables them; the greeting's topics stay for another question.
  function showReply(reply, choicesStay = false) {
    const item = add(reply.escalated ? "bot escalated" : "bot");
    if (reply.escalated) {
      const notice = document.createElement("span");
      notice.className = "notice";
      notice.textContent = "Đã chuyển cho cán bộ";
      item.appendChild(notice);
    }
    item.appendChild(document.createTextNode(reply.text));
    if (reply.choices.length > 0) {
      const choices = document.createElement("div");
      choices.className = "choices";
      for (const choice of reply.choices) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = choice.title;
        button.addEventListener("click", () => {
          if (!choicesStay) choices.querySelectorAll("button").forEach(b => (b.disabled = true));
          send({ choice: choice.payload }, choice.title);
        });
        choices.appendChild(button);
      }
      item.appendChild(choices);
    }
    log.scrollTop = log.scrollHeight;
  }

  async function send(message, shown) {
    showMine(shown);
    const response = await fetch("/webchat/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session, id: newId().replaceAll(/[^A-Za-z0-9_-]/g, ""), ...message }),
    });
    if (!response.ok) showReply({ text: "Xin lỗi, tin nhắn chưa gửi được. Bạn vui lòng thử lại sau ít phút.", choices: [], escalated: false });
  }

  async function poll() {
    try {
      const response = await fetch(`/webchat/messages?session=${encodeURIComponent(session)}&after=${after}`);
      if (response.ok) {
        for (const reply of await response.json()) {
          after = Math.max(after, reply.id);
          showReply(reply);
        }
      }
    } catch { /* offline for a moment: the next poll catches up */ }
    setTimeout(poll, 800);
  }

  form.addEventListener("submit", event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text }, text);
  });

  async function greet() {
    try {
      const response = await fetch("/webchat/greeting");
      if (response.ok) showReply({ ...(await response.json()), escalated: false }, true);
    } catch { /* the citizen can still type */ }
  }

  greet().finally(poll);
})();
