// Live inbox: the server pushes "something changed for this person" (Server-Sent Events); the page fetches the changed
// fragments and swaps them in, so nothing reloads and forms being typed into are left alone.
(function () {
  const live = document.querySelector("[data-live]");
  if (!live || !window.EventSource) return;
  const source = new EventSource(live.getAttribute("data-live"));
  async function refresh(selector, url) {
    const target = document.querySelector(selector);
    if (!target || !url) return;
    const response = await fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
    if (!response.ok) return;
    target.innerHTML = await response.text();
    if (selector === "#thread") target.scrollTop = target.scrollHeight;
  }
  source.addEventListener("change", function (event) {
    const change = JSON.parse(event.data);
    refresh("#queue", live.getAttribute("data-queue"));
    const open = document.querySelector("[data-person]");
    if (open && open.getAttribute("data-person") === change.person) {
      refresh("#thread", open.getAttribute("data-thread"));
      refresh("#context", open.getAttribute("data-context"));
    }
  });
  const thread = document.querySelector("#thread");
  if (thread) thread.scrollTop = thread.scrollHeight;
})();
