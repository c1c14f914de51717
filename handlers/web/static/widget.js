// TyöNavi chat widget: <script src="https://BOT/widget.js" defer></script> on any page adds a chat button that
// opens the chat page of the bot's own origin in a frame. The bot allows only the origins listed in its
// config (web.allowed_origins) to frame it. Styles are set through the DOM, so the host's CSP needs only to
// allow this script and frame-src for the bot's origin. data-lang="fi|sv|en" on the tag, else the page's lang.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) {
    return;
  }
  var origin = new URL(script.src, document.baseURI).origin;
  var labels = {
    fi: {open: "Kysy TyöNavilta", close: "Sulje TyöNavi", title: "TyöNavi – chat"},
    sv: {open: "Fråga TyöNavi", close: "Stäng TyöNavi", title: "TyöNavi – chatt"},
    en: {open: "Ask TyöNavi", close: "Close TyöNavi", title: "TyöNavi – chat"}
  };
  var lang = (script.getAttribute("data-lang") || document.documentElement.lang || "fi").slice(0, 2).toLowerCase();
  if (!labels[lang]) {
    lang = "fi";
  }
  var button = document.createElement("button");
  var frame = null;
  button.type = "button";
  button.id = "tyonavi-chat-button";
  button.textContent = labels[lang].open;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "tyonavi-chat");
  Object.assign(button.style, {
    position: "fixed", right: "1rem", bottom: "1rem", zIndex: "2147483647", font: "600 1rem system-ui, sans-serif",
    padding: ".6rem 1rem", color: "#fff", background: "#1a5fb4", border: "2px solid #fff", borderRadius: ".5rem"
  });

  function setOpen(open) {
    frame.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = labels[lang][open ? "close" : "open"];
    if (open) {
      frame.focus();
    }
  }

  button.addEventListener("click", function () {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.id = "tyonavi-chat";
      frame.title = labels[lang].title;
      frame.src = origin + "/?lang=" + lang;
      Object.assign(frame.style, {
        position: "fixed", right: "1rem", bottom: "4.5rem", zIndex: "2147483647", width: "min(26rem, calc(100vw - 2rem))",
        height: "min(38rem, calc(100vh - 6rem))", border: "1px solid #555", borderRadius: ".5rem", background: "#fff"
      });
      document.body.appendChild(frame);
      setOpen(true);
      return;
    }
    setOpen(frame.hidden);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && frame && !frame.hidden) {
      setOpen(false);
      button.focus();
    }
  });
  document.body.appendChild(button);
})();
