/*
 * The pages' first script: plain ES5, no modules, so it runs in every webview Office may use.
 * React 18 and Fluent UI 9 need a current engine (WebView2/Chromium, Safari, Firefox); Office still
 * hosts add-ins in Internet Explorer 11 ("Trident") or Edge Legacy ("EdgeHTML") on some versions
 * (Browsers and webview controls used by Office Add-ins). There the bundle would fail to parse and
 * leave a blank pane, so this shows a Chinese message instead; elsewhere it loads the bundle
 * listed in its data-bundle attribute. It is inlined into the HTML by webpack.config.js as is.
 */
(function () {
  'use strict';
  var me = document.getElementById('budget-loader');
  var root = document.getElementById('root');
  var shown = false;

  /** Everything the bundle relies on that Trident or EdgeHTML lacks (syntax included: the bundle is ES2020). */
  function supported() {
    if (document.documentMode) return false; // Trident, also IE modes
    if (/\bEdge\/\d/.test(navigator.userAgent)) return false; // EdgeHTML ("Edg/" is Chromium Edge)
    var names = ['Promise', 'fetch', 'Proxy', 'Symbol', 'Worker', 'Map', 'Set', 'WeakMap', 'ResizeObserver', 'TextDecoder'];
    for (var i = 0; i < names.length; i++) {
      if (typeof window[names[i]] !== 'function') return false;
    }
    if (typeof Object.assign !== 'function' || typeof Object.entries !== 'function' || typeof Object.fromEntries !== 'function') return false;
    if (!Array.prototype.includes || !Array.prototype.flatMap || !String.prototype.padStart) return false;
    try {
      // Optional chaining, ?? , async functions, rest/spread, classes: parse errors on older engines.
      var probe = new Function('class A { m(o) { return o?.a ?? 1; } } const { x, ...rest } = { x: 1, y: 2 }; const f = async () => [...[rest.y]]; f(); return new A().m({}) + x;');
      if (probe() !== 2) return false;
    } catch (e) {
      return false;
    }
    return true;
  }

  function show(title, body) {
    if (shown) return;
    shown = true;
    var box = document.createElement('div');
    box.id = 'budget-unsupported';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'margin:16px;padding:12px 14px;border:1px solid #f1bbbc;background:#fdf3f4;color:#242424;' +
      'font:14px/1.6 "Microsoft YaHei UI","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;';
    var h = document.createElement('div');
    h.style.cssText = 'font-weight:bold;margin-bottom:6px;color:#a4262c;';
    h.appendChild(document.createTextNode(title));
    box.appendChild(h);
    for (var i = 0; i < body.length; i++) {
      var p = document.createElement('p');
      p.style.margin = '4px 0';
      p.appendChild(document.createTextNode(body[i]));
      box.appendChild(p);
    }
    if (root) root.parentNode.insertBefore(box, root);
    else document.body.appendChild(box);
  }

  function unsupported() {
    show('此版本的 Office 无法显示本加载项', [
      '您的 Excel 用来显示加载项的浏览器组件太旧（旧版 Internet Explorer、旧版 Microsoft Edge，或旧版 macOS 的 Safari），本加载项无法在其中运行。',
      '请任选其一：在 Windows 上更新到 Excel 2021 或 Microsoft 365 的最新版本（Windows 10 需安装 Microsoft Edge WebView2 运行时，Windows 11 已自带）；' +
        '或在 Edge、Chrome 等浏览器中用 Excel 网页版打开工作簿；Mac 上请把 macOS 和 Excel（16.24 及以上）更新到最新。',
      '本加载项需要 ExcelApi 1.9，Excel 2019 及更早版本不受支持。'
    ]);
  }

  function failed() {
    show('加载项没有加载成功', ['页面文件未能加载或运行。请关闭任务窗格后重新打开；如仍出现此提示，请联系管理员检查加载项的部署地址。']);
  }

  if (!supported()) {
    unsupported();
    return;
  }

  // A bundle that throws before the pane draws anything would leave it blank: say so instead.
  window.addEventListener('error', function () {
    if (root && !root.firstChild) failed();
  });

  var files = ((me && me.getAttribute('data-bundle')) || '').split(' ');
  for (var i = 0; i < files.length; i++) {
    if (!files[i]) continue;
    var s = document.createElement('script');
    s.src = files[i];
    s.async = false; // keep the listed order
    s.onerror = failed;
    document.body.appendChild(s);
  }
})();
