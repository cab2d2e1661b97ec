// Filters of a newsclean report page. The page is complete without this script: every sampled item is shown
// and the filter bar stays hidden. With it, each <select data-filter="NAME"> keeps the items ([data-item])
// whose data-NAME lists the chosen value; inside a shown item, the marks ([data-mark]) that carry data-NAME
// and do not list it are dimmed. The choice is kept in the address (#kind=related&source=s2), so a filtered
// view can be bookmarked or opened directly (a link such as #rule=NAME filters and scrolls to the sample).
(function () {
  "use strict";
  var bar = document.getElementById("filters");
  if (!bar) {
    return;
  }
  var selects = Array.prototype.slice.call(bar.querySelectorAll("select[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-item]"));
  var shown = document.getElementById("shown");

  function tokens(element, name) {
    var value = element.getAttribute("data-" + name);
    return value ? value.split(" ") : [];
  }

  function chosen() {
    return selects
      .filter(function (select) { return select.value !== ""; })
      .map(function (select) { return [select.getAttribute("data-filter"), select.value]; });
  }

  function matches(element, choice, onlyCarried) {
    return choice.every(function (pair) {
      if (onlyCarried && !element.hasAttribute("data-" + pair[0])) {
        return true;
      }
      return tokens(element, pair[0]).indexOf(pair[1]) >= 0;
    });
  }

  function apply(rewriteAddress) {
    var choice = chosen();
    var count = 0;
    items.forEach(function (item) {
      var keep = matches(item, choice, false);
      item.hidden = !keep;
      if (keep) {
        count += 1;
      }
      Array.prototype.forEach.call(item.querySelectorAll("[data-mark]"), function (mark) {
        mark.classList.toggle("dim", choice.length > 0 && !matches(mark, choice, true));
      });
    });
    shown.textContent = count + " of " + items.length + " shown";
    if (!rewriteAddress) {
      return;
    }
    var hash = choice.map(function (pair) { return pair[0] + "=" + encodeURIComponent(pair[1]); }).join("&");
    if (window.history && window.history.replaceState) {
      try {
        window.history.replaceState(null, "", hash ? "#" + hash : window.location.pathname);
      } catch (error) {
        // Some browsers refuse to rewrite a file:// address; the filter works all the same.
      }
    }
  }

  function fromAddress() {
    var parts = window.location.hash.replace(/^#/, "").split("&");
    if (!parts.some(function (part) { return part.indexOf("=") > 0; })) {
      return false;
    }
    selects.forEach(function (select) { select.value = ""; });
    parts.forEach(function (part) {
      var cut = part.indexOf("=");
      if (cut < 0) {
        return;
      }
      var name = part.slice(0, cut);
      var value;
      try {
        value = decodeURIComponent(part.slice(cut + 1));
      } catch (error) {
        return;
      }
      selects.forEach(function (select) {
        var known = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
        if (select.getAttribute("data-filter") === name && known) {
          select.value = value;
        }
      });
    });
    return true;
  }

  selects.forEach(function (select) {
    select.addEventListener("change", function () { apply(true); });
  });
  function showSample() {
    var sample = document.getElementById("sample");
    if (sample) {
      sample.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", function () {
    if (fromAddress()) {
      apply(false);
      showSample();
    }
  });
  var filtered = fromAddress();
  apply(false);
  bar.hidden = false;
  document.documentElement.setAttribute("data-filters", "ready");
  if (filtered) {
    showSample();
  }
})();
