// Staff activity pages: show only the fields that apply to the choices made.
// Without JavaScript every field stays visible and the server checks what applies.
(function () {
  'use strict';

  function show(selector, visible) {
    document.querySelectorAll(selector).forEach(function (element) {
      element.hidden = !visible;
    });
  }

  function update() {
    var kind = document.querySelector('[data-kind-select]');
    if (kind) {
      show('[data-online-course-only]', kind.value === 'ONLINE_COURSE');
    }
    var paid = document.querySelector('input[name="paid"][value="true"]');
    if (paid) {
      show('[data-paid-only]', paid.checked);
    }
    var weekly = document.querySelector('input[name="frequency"][value="WEEKLY"]');
    if (weekly) {
      show('[data-weekly-only]', weekly.checked);
    }
  }

  document.addEventListener('change', update);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', update);
  } else {
    update();
  }
})();
