// TyöNavi web chat: progressive enhancement of the page at /. Without this file the forms post to / and the
// server renders the answer; with it the same forms go to POST /api/chat and the answers are appended to the
// aria-live log without a reload. Served as a file: the page's CSP allows no inline script (script-src 'self').
// The language switch stays a plain form post: the page reloads in the chosen language, the session kept.
// 👍/👎 post {feedback, helpful}; once a question went to a person, the page asks GET /api/messages every
// POLL_MS for staff replies (only while the page is visible).
(function () {
  "use strict";
  var form = document.getElementById("ask");
  var log = document.getElementById("log");
  if (!form || !log || !window.fetch) {
    return;
  }
  var input = form.querySelector("input[name=text]");
  var sessionField = form.querySelector("input[name=session]");
  var busy = false;
  var POLL_MS = Number(log.dataset.pollMs) || 10000;
  var polling = null;

  function setSession(id) {
    document.querySelectorAll("input[name=session]").forEach(function (field) {
      field.value = id;
    });
  }

  function said(text) {
    var line = document.createElement("div");
    var who = document.createElement("span");
    line.className = "you";
    who.textContent = log.dataset.you + ":";
    line.appendChild(who);
    line.appendChild(document.createTextNode(" " + text));
    log.appendChild(line);
  }

  function showError(text) {
    var error = document.createElement("p");
    error.className = "error";
    error.setAttribute("role", "alert");
    error.textContent = text;
    log.appendChild(error);
  }

  function clearOld() {
    log.querySelectorAll("form.choices, p.error").forEach(function (old) {
      old.remove();
    });
  }

  // A form of submit buttons under a legend, as the server renders it (handlers/web/page.py): the buttons post
  // `name` with each [value, label] pair's value.
  function buttonForm(className, legendText, name, buttons) {
    var form = document.createElement("form");
    var fieldset = document.createElement("fieldset");
    var legend = document.createElement("legend");
    form.className = className;
    form.method = "post";
    form.action = "/";
    legend.textContent = legendText;
    fieldset.appendChild(legend);
    buttons.forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "submit";
      button.name = name;
      button.value = pair[0];
      button.textContent = pair[1];
      fieldset.appendChild(button);
    });
    form.appendChild(fieldset);
    return form;
  }

  function choicesForm(choices) {
    return buttonForm("choices", log.dataset.choices, "choice", choices.map(function (choice) {
      return [choice.id, choice.label];
    }));
  }

  function voteForm(handle) {
    var form = buttonForm("vote", log.dataset.vote, "helpful",
                          [["yes", log.dataset.helpful], ["no", log.dataset.notHelpful]]);
    form.dataset.feedback = handle;
    return form;
  }

  // Appends the bot's messages; returns the first choice button, where a keyboard user goes next.
  function showMessages(messages) {
    var firstChoice = null;
    messages.forEach(function (message) {
      var reply = document.createElement("div");
      reply.className = "bot";
      reply.lang = message.language;
      reply.innerHTML = message.html; // escaped on the server (handlers/web/render.py)
      log.appendChild(reply);
      if (message.feedback) {
        log.appendChild(voteForm(message.feedback));
      }
      if (message.choices.some(function (choice) { return choice.id.indexOf("handoff:") === 0; })) {
        startPolling();
      }
      if (message.choices.length) {
        var choiceForm = choicesForm(message.choices);
        log.appendChild(choiceForm);
        firstChoice = firstChoice || choiceForm.querySelector("button");
      }
    });
    return firstChoice;
  }

  function post(payload) {
    return fetch("/api/chat", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify(payload),
      credentials: "omit"
    }).then(function (response) {
      return response.json().then(function (body) {
        return {status: response.status, body: body};
      });
    });
  }

  function poll() {
    if (document.hidden || busy || !sessionField.value) {
      return;
    }
    fetch("/api/messages?session=" + encodeURIComponent(sessionField.value), {credentials: "omit"})
      .then(function (response) {
        if (response.status === 404) {
          window.clearInterval(polling); // the session ended: nothing more can come
          polling = null;
        }
        return response.ok ? response.json() : {messages: []};
      }).then(function (body) {
        showMessages(body.messages);
      }).catch(function () {
        // offline for a moment: the next poll tries again
      });
  }

  function startPolling() {
    if (!polling) {
      polling = window.setInterval(poll, POLL_MS);
    }
  }

  function send(payload, shownText) {
    if (busy) {
      return;
    }
    busy = true;
    clearOld();
    said(shownText);
    input.focus();
    payload.session = sessionField.value || null;
    post(payload).then(function (result) {
      if (result.status === 404 && payload.text !== undefined) {
        payload.session = null; // the session expired: a message starts a new one, as the form post does
        return post(payload);
      }
      return result;
    }).then(function (result) {
      if (result.status !== 200) {
        showError(result.status === 429 ? log.dataset.slowDown : log.dataset.failed);
        return;
      }
      setSession(result.body.session);
      var firstChoice = showMessages(result.body.messages);
      if (firstChoice) {
        firstChoice.focus();
      }
    }).catch(function () {
      showError(log.dataset.failed);
    }).then(function () {
      busy = false;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) {
      return;
    }
    input.value = "";
    send({text: text}, text);
  });

  log.addEventListener("click", function (event) {
    var button = event.target.closest("button[name=choice], button[name=helpful]");
    if (!button) {
      return;
    }
    event.preventDefault();
    if (button.name === "choice") {
      send({choice: button.value}, button.textContent);
      return;
    }
    var vote = button.closest("form.vote");
    send({feedback: vote.dataset.feedback, helpful: button.value === "yes"}, button.textContent);
    vote.remove(); // one vote an answer
  });

  log.addEventListener("submit", function (event) {
    if (event.target.classList.contains("check")) { // "see if staff have replied": ask now, no reload
      event.preventDefault();
      startPolling();
      poll();
    }
  });
})();
